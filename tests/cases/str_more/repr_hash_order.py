# repr quoting and escapes, ascii(), str hashing (set iteration order under PYTHONHASHSEED=0).
for s in ["", "a", "it's", 'say "hi"', "both ' and \"", "back\\slash", "\t\n\r\x00\x07\x1b\x7f", "\x80\x9f\xa0\xad\xff",
          "é€😀", "\u2028\u200b\ufeff", "\ud800\udfff", "\U000e0001\U0010ffff", "\u0378", "tab\there", "\\'"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(["a'b", 'c"d', "é"]), str(("x", "\n")))
# Sets are filled with add() (a constant set literal is built differently by CPython).
words = set()
for w in ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "é", "€uro", "😀", "", "a", "b", "ab", "ba"]:
    words.add(w)
print(sorted(words))
print(list(words))
print([hash(w) for w in ["", "a", "abc", "é", "€", "😀", "aé€😀", "x" * 100, "\ud800"]])
print(list({w: len(w) for w in ["zeta", "alpha", "mu", "ω", "é"]}))
print(hash("") == 0, hash("abc") == hash("ab" + "c"), hash("é") == hash("é"[0]))
print(list({"x" + str(i) for i in range(20)}))
print(list({chr(0x100 + i) for i in range(10)}), list({chr(0x10000 + i) for i in range(5)}))
