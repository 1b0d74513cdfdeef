n = 10 ** 5000
print(n > 10 ** 4999, n % 7, len(hex(n)), n.bit_length())
print(str(n))
