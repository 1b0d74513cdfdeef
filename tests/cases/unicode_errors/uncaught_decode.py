data = b"abc\xff"
print(data.decode("ascii", "ignore"))
data.decode("utf-8")
