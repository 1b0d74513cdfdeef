s = "The quick brown fox"
print(s[::-1], " ".join(s.split()[::-1]), " ".join(w[::-1] for w in s.split()))
print(s[4:9], s[-3:], s[:-4], s[::2], s[1::2], s[-1:-6:-1])
print(s[s.index("q"):s.index("k") + 1], s[s.rfind(" ") + 1:], s[:s.find(" ")])
words = s.split()
print(words[1:-1], words[::-1][:2], words[-2:][::-1])
print("".join(s[i:i + 3] for i in range(0, len(s), 3)), [s[i:i + 4] for i in range(0, 12, 4)])
