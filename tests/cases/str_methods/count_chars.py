text = "the rain in spain stays mainly in the plain"
counts = {}
for ch in text:
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
for ch in sorted(counts):
    print(ch, counts[ch], "#" * counts[ch])
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
vowels = sum(1 for c in text if c in "aeiou")
print("vowels", vowels, "consonants", sum(1 for c in text if c.isalpha()) - vowels)
print(text.title(), text.count("ain"), text.replace("ain", "AIN", 2))
