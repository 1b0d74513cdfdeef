row = []
for code in range(32, 127):
    c = chr(code)
    flags = ""
    flags += "a" if c.isalpha() else "-"
    flags += "d" if c.isdigit() else "-"
    flags += "s" if c.isspace() else "-"
    flags += "u" if c.isupper() else "-"
    flags += "l" if c.islower() else "-"
    flags += "p" if c.isprintable() else "-"
    flags += "n" if c.isalnum() else "-"
    row.append(f"{c!r}:{flags}")
    if len(row) == 8:
        print(" ".join(row))
        row = []
print(" ".join(row))
ws = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2028\u3000\u200b"
print([hex(ord(c)) for c in ws if c.isspace()])
