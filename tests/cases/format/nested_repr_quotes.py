strs = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnl\n", "\r\x0b\x0c", "uni\u00e9\u4e16", "\u200b\u00ad", "\U0001f600", "\x1b[0m", "\ud800" if False else "ok"]
for s in strs:
    print(repr(s), ascii(s), len(repr(s)))
print(strs)
print(tuple(strs[:3]), {s: len(s) for s in strs[:2]})
