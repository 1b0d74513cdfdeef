print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("héllo", "utf-8"), bytes(b"copy"), bytes((0, 255)))
print(bytes("abc", encoding="ascii"), bytes([]), bytes(0))
for bad in [[256], [-1], ["a"], "str", 1.5, -1]:
    try:
        print(bytes(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError", e)
try:
    bytes.fromhex("abc")
except ValueError as e:
    print("ValueError", e)
