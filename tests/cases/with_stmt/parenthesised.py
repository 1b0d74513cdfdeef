class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n * 10
    def __exit__(self, *exc):
        print("exit", self.n)
with (CM(1) as a, CM(2) as b):
    print("body", a, b)
with (
    CM(3) as c,
    CM(4) as d,
):
    print("multi-line body", c + d)
with (CM(5)):
    print("parenthesised single without as")
with (CM(6)) as e:
    print("parenthesised expression with as", e)
with (CM(7), CM(8)):
    print("no targets, parens")
with (CM(9) as f,):
    print("trailing comma single", f)
with CM(10) as (g):
    print("parenthesised target", g)
pair = (CM(11), CM(12))
with pair[0] as h, pair[1]:
    print("subscripted managers", h)
