def evaluate(node, env):
    match node:
        case int() | float():
            return node
        case str(name):
            if name not in env:
                raise NameError("unbound variable " + name)
            return env[name]
        case ("neg", x):
            return -evaluate(x, env)
        case ("+", x, y):
            return evaluate(x, env) + evaluate(y, env)
        case ("-", x, y):
            return evaluate(x, env) - evaluate(y, env)
        case ("*", x, y):
            return evaluate(x, env) * evaluate(y, env)
        case ("/", x, y):
            d = evaluate(y, env)
            if d == 0:
                raise ZeroDivisionError("divide by zero in expression")
            return evaluate(x, env) / d
        case ("let", str(name), value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case ("if", cond, then, other):
            return evaluate(then if evaluate(cond, env) else other, env)
        case ("sum", *terms):
            return sum(evaluate(t, env) for t in terms)
        case (op, *args):
            raise ValueError("unknown operator %r with %d args" % (op, len(args)))
        case _:
            raise TypeError("bad node %r" % (node,))
def show(node):
    match node:
        case ("neg", x):
            return "-" + show(x)
        case (("+" | "-" | "*" | "/") as op, x, y):
            return "(%s %s %s)" % (show(x), op, show(y))
        case ("let", name, value, body):
            return "let %s = %s in %s" % (name, show(value), show(body))
        case ("if", c, t, e):
            return "if %s then %s else %s" % (show(c), show(t), show(e))
        case ("sum", *terms):
            return "sum(" + ", ".join(show(t) for t in terms) + ")"
        case _:
            return str(node)
programs = [
    ("+", 1, ("*", 2, 3)),
    ("let", "x", 5, ("*", "x", ("neg", "x"))),
    ("if", ("-", "a", 3), "a", ("neg", 1)),
    ("sum", 1, 2, ("/", 9, 2), "a"),
    ("/", 1, ("-", 2, 2)),
    ("pow", 2, 3),
    ("+", "zzz", 1),
    ("+", [1], 2),
]
for p in programs:
    try:
        print(show(p), "=", evaluate(p, {"a": 3}))
    except (NameError, ValueError, TypeError, ZeroDivisionError) as e:
        print(show(p), "raised", type(e).__name__, e)
