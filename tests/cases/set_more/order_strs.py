# Iteration order of str sets (SipHash-1-3 with PYTHONHASHSEED=0).
words = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "kiwi", "lemon", "mango"]
print(set(words))
print(set(words[:3]), set(words[3:7]), set(reversed(words)))
print(set("hello world"), set("abracadabra"), set("Mississippi"), set(""))
print(set(["a", "b", "c", "d", "e", "f"]), set(["x" * i for i in range(1, 12)]))
print(set(["é", "ü", "日本", "😀", "a", "ß"]), set(["key%d" % i for i in range(15)]))
print({w[0] for w in words}, {w.upper() for w in words[:5]}, {len(w) for w in words})
print(set(["1", 1, "2", 2, "", 0]), set([("a", 1), ("b", 2)]) == {("b", 2), ("a", 1)})
names = "ava ben cal dee eve fay gus hal ivy jay kim lee max ned oli pam".split()
for n in range(1, len(names), 3):
    print(n, set(names[:n]))
