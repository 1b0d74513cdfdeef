def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("NAME", src[i:j]))
            i = j
        elif c in "+-*/()^,":
            tokens.append(("OP", c))
            i += 1
        elif c == '"':
            j = src.index('"', i + 1)
            tokens.append(("STR", src[i + 1:j]))
            i = j + 1
        else:
            raise SyntaxError(f"unexpected character {c!r} at {i}")
    return tokens
for src in ["1 + 2*3", "max(a_1, 2.5) ^ 2", '"hi there" + name', "x = 1"]:
    try:
        print(src, "->", tokenize(src))
    except SyntaxError as e:
        print(src, "-> SyntaxError:", e)
def evaluate(src, env):
    toks = tokenize(src)
    pos = 0
    def peek():
        return toks[pos] if pos < len(toks) else ("EOF", None)
    def take():
        nonlocal pos
        t = toks[pos]
        pos += 1
        return t
    def atom():
        kind, val = take()
        if kind == "NUM":
            return val
        if kind == "NAME":
            return env[val]
        if val == "(":
            v = expr()
            take()
            return v
        if val == "-":
            return -atom()
        raise SyntaxError(f"bad token {val!r}")
    def power():
        base = atom()
        if peek() == ("OP", "^"):
            take()
            return base ** power()
        return base
    def term():
        v = power()
        while peek()[1] in ("*", "/"):
            op = take()[1]
            r = power()
            v = v * r if op == "*" else v / r
        return v
    def expr():
        v = term()
        while peek()[1] in ("+", "-"):
            op = take()[1]
            r = term()
            v = v + r if op == "+" else v - r
        return v
    return expr()
env = {"x": 3, "y": 4}
for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "x * x + y * y", "-x + 10 / 4", "((y))", "7 / 0"]:
    try:
        print(e, "=", evaluate(e, env))
    except ZeroDivisionError as err:
        print(e, "=", "ZeroDivisionError:", err)
