for s in ["ß", "ﬃ", "ŉ", "ǰ", "Σ", "ΌΣΟΣ", "ǈ", "ı", "i̇", "ﬆ", "ǲ", "ᾳ"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.casefold()), len(s.upper()))
print("straße".upper() == "STRASSE", "Straße".casefold() == "strasse", "ΣΑΣ".lower())
