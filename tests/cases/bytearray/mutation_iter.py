# mutating a bytearray while iterating over it, or from the argument it receives
b = bytearray(b"abc")
seen = []
for c in b:
    seen.append(c)
    if len(b) < 6:
        b.append(c + 3)
print(seen, b)
b = bytearray(b"abcdef")
seen = []
for c in b:
    seen.append(c)
    if c == 98:
        b.clear()
print(seen, b)
b = bytearray(b"abcdef")
seen = []
for c in b:
    seen.append(c)
    del b[0]
print(seen, b)
b = bytearray(b"abcdef")
seen = []
for c in b:
    seen.append(c)
    b[-1] = 122
print(seen, b)
b = bytearray(b"abc")
it = iter(b)
print(next(it), next(it))
b.extend(b"de")
print(list(it), list(it))
b.append(1)
print(list(it))
b = bytearray(b"xyz")
b.extend(iter(b))
print(b)
b = bytearray(b"xyz")
b.extend(c for c in b)
print(b)
b = bytearray(b"xyz")
b[len(b):] = iter(b)
print(b)
b = bytearray(b"xyz")
b[:0] = (c + 1 for c in b)
print(b)
b = bytearray(b"xyz")
b[1:2] = b
print(b)
b = bytearray(b"abcd")
b[::2] = b[::-2]
print(b)
b = bytearray(b"abc")
b += b[:]
b *= 2
print(b, b.count(b"abc"))
b = bytearray(b"mississippi")
print(b.replace(b"ss", b), b)
print(b.split(b), b.join([b, b]), b.find(b), b.startswith(b), b.partition(b), b.strip(b))
b = bytearray(b"0123456789")
evens = bytearray(c for c in b if c % 2 == 0)
print(evens, b)
total = 0
b = bytearray(range(100))
while b:
    total += b.pop()
print(total, b)
b = bytearray(b"ab" * 1000)
while b"ab" in b:
    del b[:2]
print(len(b))
b = bytearray()
for i in range(300):
    b.insert(i // 2, i % 256)
print(len(b), sum(b), b[:5], b[-5:])
