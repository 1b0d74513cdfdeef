text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = []
for raw in text.split():
    w = raw.strip(".,;:!?\"'").lower()
    if w:
        words.append(w)
print("words:", len(words), "unique:", len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for w, c in top:
    print(f"{w:>8} {c:>3} {'#' * c}")
lengths = {}
for w in words:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
print("length histogram:", dict(sorted(lengths.items())))
print("longest:", max(words, key=len), "avg len:", round(sum(map(len, words)) / len(words), 3))
sentences = [s.strip() for s in text.replace("\n", " ").split(",") if s.strip()]
print("clauses:", len(sentences), sentences[-1])
bigrams = {}
for a, b in zip(words, words[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
caps = [raw.strip(",.") for raw in text.split() if raw[0].isupper()]
print("capitalized:", caps)
