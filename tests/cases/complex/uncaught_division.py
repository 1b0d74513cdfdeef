z = (1 + 2j) / 2
print(z, z * 2)
print((1 + 2j) / (0 + 0j))
