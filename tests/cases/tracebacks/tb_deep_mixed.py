def parse(line):
    key, value = line.split("=")
    return key.strip(), value.strip()
def load(text):
    return dict(parse(l) for l in text.splitlines() if l)
print(load("a = 1\nb = 2"))
load("a = 1\nbroken line\n")
