def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        match c:
            case " " | "\t":
                i += 1
            case "(" | ")" | "+" | "-" | "*" | "/":
                tokens.append(("op", c))
                i += 1
            case _ if c.isdigit():
                j = i
                while j < len(src) and src[j].isdigit():
                    j += 1
                tokens.append(("num", int(src[i:j])))
                i = j
            case _ if c.isalpha():
                j = i
                while j < len(src) and src[j].isalnum():
                    j += 1
                tokens.append(("name", src[i:j]))
                i = j
            case _:
                raise SyntaxError("bad char %r at %d" % (c, i))
    return tokens
print(tokenize("12 + x1*(3 - y)"))
try:
    tokenize("1 $ 2")
except SyntaxError as e:
    print(type(e).__name__, e)
def run_machine(events):
    state = ("idle", 0)
    trace = []
    for ev in events:
        match state, ev:
            case ("idle", n), "coin":
                state = ("ready", n + 1)
            case ("ready", n), "coin":
                state = ("ready", n + 1)
            case ("ready", n), "push" if n >= 2:
                state = ("vending", n - 2)
            case ("ready", n), "push":
                trace.append("need more coins")
            case ("vending", n), "done":
                state = ("ready", n) if n else ("idle", 0)
            case (s, _), "reset":
                state = ("idle", 0)
                trace.append("reset from " + s)
            case (s, _), e:
                trace.append("ignored %s in %s" % (e, s))
        trace.append(state)
    return trace
for line in run_machine(["push", "coin", "push", "coin", "coin", "push", "done", "push", "done", "coin", "reset", "bogus"]):
    print(line)
