def read_pairs(lines):
    for line in lines:
        key, value = line.split("=")
        yield key.strip(), value.strip()
def load(lines):
    return dict(read_pairs(lines))
print(load(["a = 1", "b = 2"]))
print(load(["a = 1", "broken line"]))
