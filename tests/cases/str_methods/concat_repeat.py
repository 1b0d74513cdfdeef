print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 100, "-" * 20)
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = []
for w in "the quick brown fox".split():
    parts.append(w[::-1])
print(" ".join(parts))
for bad in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * 2.0, lambda: "a" * "b", lambda: "a" - "b", lambda: [1] + "a"]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "Z" > "Y", "é" > "z", "abc" == "abc", "a" != "A")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]), max("hello"), min("hello"))
print(sorted(["b", "a", "B", "A"], key=str.lower), sorted(["bb", "a", "ccc"], key=len, reverse=True))
