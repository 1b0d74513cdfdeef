data = "Hello, 世界".encode()
print(data, len(data))
print([hex(x) for x in data])
print(bytes(x ^ 0x20 for x in b"Hello"), bytes(reversed(b"abc")))
checksum = 0
for byte in data:
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print(checksum)
print(data.count(0xe4), data.split(b","), data.decode("utf-8", "replace"), data[:9].decode("utf-8", "replace"))
def xor_bytes(a, b):
    return bytes(x ^ y for x, y in zip(a, b))
k = b"key"
enc = xor_bytes(b"secret!", k * 3)
print(enc, xor_bytes(enc, k * 3))
print(b"abc"[0] + b"abc"[1], b"a" * 3 == b"aaa", bytes([97]) == b"a")
print(b"a b c".split(None, 1), b"\x00\x01".hex(), b"aaa".replace(b"a", b"bb", 2))
