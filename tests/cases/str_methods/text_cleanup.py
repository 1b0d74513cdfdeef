raw = "  Hello,   World!  This\tis\na   TEST... of   cleanup;  "
collapsed = " ".join(raw.split())
print(repr(collapsed))
no_punct = "".join(c for c in collapsed if c.isalnum() or c.isspace())
print(repr(no_punct), repr(no_punct.lower()), no_punct.lower().split())
slug = "-".join(no_punct.lower().split())
print(slug, slug.count("-"), slug.replace("-", "_").upper())
print(raw.strip().splitlines(), [l.strip() for l in raw.split("\n")])
title = "the lord of the rings: the return of the king"
small = {"of", "the", "a", "an", "and"}
words = title.split()
print(" ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words)))
print(title.title(), title.capitalize())
