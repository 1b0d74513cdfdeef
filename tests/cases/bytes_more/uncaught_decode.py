data = b"caf\xc3\xa9 \xff"
print(data[:5].decode())
print(data.decode())
