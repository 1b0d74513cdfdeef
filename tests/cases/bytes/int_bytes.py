for n in [0, 1, 255, 256, 65535, 2**32, 2**64 - 1]:
    k = max(1, (n.bit_length() + 7) // 8)
    b = n.to_bytes(k, "big")
    print(n, k, b, int.from_bytes(b, "big"), n.to_bytes(k, "little"), int.from_bytes(b, "little"))
for n in [-1, -128, -129, 127, 128]:
    try:
        print(n, n.to_bytes(1, "big", signed=True))
    except OverflowError as e:
        print(n, "OverflowError", e)
print(int.from_bytes(b"\x80", "big", signed=True), int.from_bytes(b"", "big"), int.from_bytes([1, 2], "big"))
