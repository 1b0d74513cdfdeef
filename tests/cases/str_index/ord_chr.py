print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("🐍"), ord("\x00"))
print(chr(97), chr(65), chr(0x20AC), chr(0x1F40D), repr(chr(0)), repr(chr(127)), chr(0x10FFFF) == "\U0010ffff")
print("".join(chr(ord(c) + 1) for c in "HAL"))
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in ["", "ab"]:
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    ord(5)
except TypeError as e:
    print("TypeError", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError", e)
print(ord(b"a"), [ord(c) for c in "abc"])
def caesar(text, k):
    out = []
    for c in text:
        if c.islower():
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        elif c.isupper():
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        else:
            out.append(c)
    return "".join(out)
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3), caesar("xyz", 30))
