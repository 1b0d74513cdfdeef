cache = {}
key = bytearray(b"k")
print("before")
cache[key] = 1
print("after")
