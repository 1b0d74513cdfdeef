x = 7 ** 6000
print(x.bit_length())
s = f"{x}"
