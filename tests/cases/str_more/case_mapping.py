# Full Unicode case mappings, the final-sigma rule, title/capitalize/swapcase.
words = ["hello world", "HELLO", "ß", "straße", "ﬃ", "ǆ", "ǅa", "İstanbul", "ΣΑΣ ΑΣ", "aΣ", "Σ", "aΣb",
         "a.Σ", "aΣ.", "ΣΣ", "ὈΔΥΣΣΕΎΣ", "hello world's", "they're bill's friends", "ǈǉǊ", "ŉ", "ΐ", "Ꭰꭰ",
         "MiXeD 123 cAsE", "", "1a2b", "ﬀ ﬁ ﬂ", "ᾳ ᾼ", "\u0345", "ꭰbc"]
for w in words:
    print(repr(w), repr(w.lower()), repr(w.upper()), repr(w.casefold()))
    print("  ", repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))
    print("  ", w.islower(), w.isupper(), w.istitle(), len(w.upper()), len(w.lower()))
print("ǅ".istitle(), "ǅ".isupper(), "ǅ".islower(), "Ab Cd".istitle(), "Ab cd".istitle(), "AB".istitle())
print("".islower(), "a1".islower(), "1".islower(), "A1".isupper(), "ß".isupper(), "ß".islower())
print("σας ας".upper(), "ΣΑΣ".lower() == "σας", "ΣΑΣ".casefold())
