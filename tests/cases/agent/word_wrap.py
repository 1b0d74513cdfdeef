def wrap(text, width):
    lines = []
    cur = ""
    for word in text.split():
        while len(word) > width:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:width])
            word = word[width:]
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= width:
            cur += " " + word
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines
para = "The quick brown fox jumps over the lazy dog. Supercalifragilisticexpialidocious words must be split across lines when necessary."
for w in (10, 20, 35):
    print(f"--- width {w}")
    for line in wrap(para, w):
        print(f"|{line:<{w}}|")
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]
for line in wrap(para, 24):
    print("[" + justify(line, 24) + "]")
