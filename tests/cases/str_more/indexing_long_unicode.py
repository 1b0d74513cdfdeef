# Indexing, slicing and searching long non-ASCII strings (checkpoint index paths).
s = ("héllo wörld ñ 😀 " * 40) + "end"
print(len(s), s[0], s[63], s[64], s[65], s[127], s[128], s[-1], s[-64], s[len(s) - 65])
print(s[60:70], s[100:300:7], s[::-13][:20], s[-70:-60])
print(s.find("end"), s.find("😀", 500), s.rfind("ñ"), s.index("w", 300), s.count("ö"))
acc = []
for i in range(0, len(s), 37):
    acc.append(s[i])
print("".join(acc))
t = "é" * 64 + "x" + "é" * 64
print(len(t), t[64], t.find("x"), t[63:66], t.rfind("é"), t[128], t[-1])
u = "ü" * 128
print(len(u), u[127], u[64:66], u.find("üü", 100), u.rfind("ü"))
big = "ñ" * 10000 + "a" + "ñ" * 10000
total = 0
for i in range(len(big)):
    if big[i] == "a":
        total += i
print(total, big.find("a"), big.index("a", 5000), big[9990:10010])
pos = -1
cnt = 0
while True:
    pos = big.find("ññññ", pos + 1)
    if pos < 0 or pos > 400:
        break
    cnt += 1
print(cnt)
mixed = "".join(chr(0x41 + i % 26) if i % 3 else chr(0x3b1 + i % 20) for i in range(1000))
print(len(mixed), mixed[::97], mixed[500:520], mixed.find("Ω"), mixed.rfind("α"), mixed[-129], mixed[128:130])
print([mixed.index(c) for c in "αβγABC"], [mixed[i] for i in (0, 63, 64, 127, 128, 129, 191, 192, 999)])
parts = mixed.split("α")
print(len(parts), parts[5], sum(len(p) for p in parts), mixed.upper()[200:230], mixed.lower()[-20:])
