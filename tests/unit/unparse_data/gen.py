#!/usr/bin/env python3
"""Generates cases.txt for tests/unit/test_unparse.c from CPython 3.11.

Run from anywhere: python3 tests/unit/unparse_data/gen.py

Each line is   source TAB ast TAB annotation   where
  ast        = ast.unparse(ast.parse(source, mode='eval').body)
  annotation = the string CPython's compiler stores for the annotation
               under `from __future__ import annotations` (PEP 563)
Fields are escaped: \\\\, \\t, \\n and \\xNN for other control bytes.
A fourth field, present only when the annotation is !intlimit, is the
annotation with the int digit limit switched off.
An expected field starting with '!' is an error: !backslash (ast.unparse's
"Unable to avoid backslash"), !intlimit (int repr over 4300 digits), or
!na when CPython rejects the expression in an annotation even inside a
lambda (e.g. yield in a comprehension). Where the annotation itself is
rejected (walrus, yield, await) the expected string is taken from
`lambda: (source)` with the "lambda: " prefix removed: a lambda body is
written at the same level as an annotation.
"""
import ast
import itertools
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "expectations must come from CPython 3.11"

HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------- corpus --
# One source per line. A raw block cannot hold three double quotes: they
# are written \""" and fixed up in main().

BASIC = r"""
x
_x1
αβγ
x.y
x.y.z
x()
x(1)
x(1, 2)
x(a=1)
x(*a)
x(**k)
x(a, *b, c=1, **d)
x(*a, *b, **c, **d)
x(a=1, *b)
x(**a, b=1)
f(a)(b)(c)
x[1]
x[1][2]
x[a, b]
x[()]
x[(),]
x[1:2]
x[1:2, ::3]
x[:]
x[::]
x[1:]
x[:2]
x[::3]
x[1::3]
x[1:2:]
x[:, :]
x[a:b, c]
x[*a]
x[*a, b]
x[(a, b)]
x[(a, *b)]
x[a][b:c][d]
x.y[1].z(2)
(x)
((x))
...
Ellipsis
None
True
False
(1, 2)
()
(1,)
1, 2
1,
(*a,)
(*a, *b)
[]
[1]
[1, 2, *a]
[*a]
{}
{1}
{1, 2}
{*a, *b}
{1: 2}
{1: 2, 3: 4}
{**a}
{**a, 'b': 1, **c}
{a: b, **c}
{(a, b): (c, d)}
[(a, b)]
{(a, b)}
((a, b), (c,), ())
"""

CONSTANTS = r"""
0
00
0_0
7
1_000_000
0x10
0X1f
0xdead_BEEF
0o17
0O777
0b1011
0B1_0
9223372036854775807
9223372036854775808
18446744073709551615
18446744073709551616
123456789012345678901234567890123456789
0xffffffffffffffffffffffffffffffffffffffff
0o7777777777777777777777777777777777777777777777
0b1111111111111111111111111111111111111111111111111111111111111111111111
0x8000000000000000
0x7fffffffffffffff
1.5
1.0
1.
.5
0.0
0.1
1e5
1e-5
1e16
1e15
1e22
1E+3
1_0.5e1_0
123456789.123456789
1e308
1.7976931348623157e308
1e309
1e400
2e-324
5e-324
1e-400
0e0
1j
2.0j
0j
0.5j
.5j
1e16j
1e-5j
1_0j
1e309j
123456789012345678j
3.14j
'abc'
"abc"
''
""
"it's"
'say "hi"'
'both \' and "'
"both ' and \""
'\''
"\""
'\'\''
'\\'
'a\\b'
'\t\r\n'
'\x00\x01\x1f\x7f'
'\x80\x9f\xa0\xad\xff'
'\u1234'
'\u2028\u2029'
'\u200b'
'\ud800'
'\udfff\ud800'
'\U0001f600'
'\U000e0001'
'\U0010ffff'
'é'
'ñ日本'
'\N{BULLET}'
r'\n'
r'a\b'
'a' 'b'
'a' "b'"
"a" 'b"'
u'abc'
u'a' 'b'
'a' u'b'
U'x'
b''
b'abc'
b"it's"
b'say "hi"'
b'both \' and "'
b'\x00\x7f\x80\xff'
b'\t\r\n\\'
rb'\n'
b'a' b'b'
'''triple'''
\"""dq\"""
"""

OPS = r"""
-1
-(1)
-(-1)
- -1
--x
+x
~x
~-x
-~x
not x
not not x
not -x
-(not x)
not (not x)
(not x) + 1
1 + (not x)
-x ** 2
(-x) ** 2
x ** -2
x ** (-2)
-(x ** 2)
(-1) ** 2
2 ** -1
2 ** 3 ** 4
(2 ** 3) ** 4
x ** y.z
x ** f(y)
(x ** y).z
a + b - c
a - (b - c)
a - (b + c)
(a - b) - c
a * b / c // d % e @ f
a * (b / c)
a / (b * c)
a + b * c
(a + b) * c
a << b >> c
a << (b >> c)
a & b | c ^ d
a & (b | c)
(a | b) & c
a | b ^ c & d
(a | b) ^ c
a ^ (b | c)
a + b < c
a < b + c
a < b < c
a < (b < c)
(a < b) < c
a < b == c != d <= e >= f > g
a is b
a is not b
a in b
a not in b
a in b in c
not a in b
not (a in b)
(not a) in b
a == (not b)
a and b
a or b
a and b and c
a or b or c
(a and b) and c
a and (b and c)
(a or b) or c
a or (b or c)
a or b and c
(a or b) and c
a and (b or c)
a and b or c
a and (b or c) and d
a or b and c or d
a or (b and c) or d
(a or b) and (c or d)
not a or not b
not a and not b and not c
not (a or b)
not (a and b)
a and not b
a < b and c
(a and b) < c
a or b or c or d or e < f
a or b or c or d or -e
a or b or c or d or e or f or g or h or i or j or k or -l
a or b or c or d or e or f or g or h or i or j or k or l or m ** n
a or b or c or d or e or f or g or h or i or j or k or l or m or n.o
a and b and c and d and e | f
a if b else c
a if b else c if d else e
(a if b else c) if d else e
a if (b if c else d) else e
a if b or c else d
a or b if c else d
(a or b) if c else d
a if b else c or d
(a if b else c) + 1
a + (b if c else d)
(a if b else c)(d)
(a if b else c).d
(a if b else c)[d]
lambda: 1
lambda x: x
lambda x, y: x
lambda x=1: x
lambda x, y=1, z=2: x
lambda *a: 1
lambda **k: 1
lambda *a, **k: 1
lambda *, a: a
lambda *, a=1, b: a
lambda a, *, b: 1
lambda a, *b, **k: 1
lambda a, **k: 1
lambda a, /: a
lambda a, /, b: a
lambda a=1, /: 1
lambda a, b=1, /, c=2, *d, e, f=3, **g: 1
lambda a, /, *, b: 1
lambda a, /, **k: 1
lambda a, /, *b: 1
lambda x=(a, b): 1
lambda x=a if b else c: 1
lambda x=lambda: 1: 1
lambda: lambda: 1
lambda: (lambda: 1)
(lambda: 1)()
(lambda: 1).x
lambda: a if b else c
(lambda: a) if b else c
a if (lambda: b) else c
a if b else lambda: c
lambda: (a, b)
f(lambda: 1)
f(a=lambda: 1)
x[lambda: 1]
x[lambda: 1:2]
[lambda: 1]
{lambda: 1: 2}
{1: lambda: 2}
(lambda: 1, 2)
(x := 1)
(x := (y := 1))
(x := lambda: 1)
(x := a if b else c)
(x := (a, b))
(x := a + b)
(x := a.b)
(x := f(a))
(x := -a)
(x := [a])
(x := await a)
(x := (yield))
not (x := 1)
(x := 1) + 1
-(x := 1)
(x := 1).a
(x := 1)[0]
f(x := 1)
f(a=(x := 1))
[x := 1, y]
{(x := 1): 2}
{x: (y := 1)}
(x := 1, 2)
((x := 1), 2)
((x := 1),)
x[y := 1]
x[(y := 1)]
x[(a := 1), b]
x[a:(b := 1)]
x[(a := 1):b]
[y for x in z if (y := x)]
[(y := x) for x in z]
await x
await x.y
await x()
await x[0]
await (await x)
await (a + b)
await (lambda: 1)
await (a, b)
await (not a)
await (x := 1)
await (yield)
-await x
not await x
await x ** 2
2 ** await x
(await x).y
(await x) ** 2
[await x for y in z]
f(await x)
(yield)
(yield x)
(yield x, y)
(yield (x, y))
(yield *a, b)
(yield a + b)
(yield a if b else c)
(yield lambda: 1)
(yield -a)
(yield not a)
(yield a or b)
(yield (x := 1))
(yield (yield))
(yield from x)
(yield from a + b)
(yield from (a, b))
(yield from lambda: 1)
(yield from (yield))
((yield), 1)
(yield) + 1
-(yield)
not (yield)
x if (yield) else y
[(yield)]
{**(yield)}
[*(yield)]
f((yield))
f(*(yield))
f(**(yield))
f(a=(yield))
(yield)[0]
(yield).a
(yield)()
x[(yield)]
x[(yield), 1]
x[(yield):1]
[x for x in (yield)]
"""

COLLECTIONS = r"""
[x for x in y]
[x for x in y if z]
[x for x in y if z if w]
[x for x in y for z in w]
[x for x in y if a for z in w if b]
[x async for x in y]
[x for x in y async for z in w]
{x for x in y}
{x: y for x, y in z}
{x: y async for x, y in z}
(x for x in y)
(x async for x in y)
((x for x in y))
f(x for x in y)
f((x for x in y))
f(a)(x for x in y)
f(x for x in y)(x for x in y)
f((x for x in y), 1)
f((x for x in y), a=1)
f((x for x in y), *a)
f((x for x in y), **a)
f(*a, (x for x in y))
f(a=(x for x in y))
f((x for x in y), (x for x in y))
x.f(x for x in y)
[x for x, y in z]
[x for (x, y) in z]
[x for [x, y] in z]
[x for (x) in y]
[x for x.a in y]
[x for x[0] in y]
[x for *x, in y]
[x for (*x, y) in z]
[x for () in y]
[x for x in (a, b)]
[x for x in [a, b]]
[x for x in (a if b else c)]
[x for x in (lambda: y)]
[x for x in a or b]
[x for x in not a]
[x for x in y if (a if b else c)]
[x for x in y if a or b]
[x for x in y if not a]
[x for x in y if (lambda: 1)]
[(a, b) for x in y]
[(a := 1) for x in y]
[a if b else c for x in y]
[lambda: x for x in y]
{(a := 1): b for x in y}
{a: (b := 1) for x in y}
{a: lambda: 1 for x in y}
{lambda: 1: b for x in y}
{a if b else c: d for x in y}
[a if b else c]
[a or b, not c]
{a, (b := 1)}
[*(a or b)]
[*a + b]
[*a.b]
[*(not a)]
(*(a or b),)
{**(a or b)}
{**(a | b)}
{**(a + b)}
{**a.b}
{**(not a)}
{**(a if b else c)}
{**(lambda: 1)}
f(*a or b)
f(**a or b)
f(*a + b)
f(*(a, b))
f(*lambda: 1)
f(*(lambda: 1))
f(**lambda: 1)
f(**(a if b else c))
f(*(a if b else c))
f(*not a)
f(*-a)
f(*a.b)
f(*a | b)
f(*(a < b))
f(**(a < b))
f((a, b))
f(a=(b, c))
f(a=a if b else c)
x[*a or b]
x[*a + b]
x[a or b]
x[a and b, c or d]
x[a if b else c]
x[a if b else c:d]
x[a or b:c]
x[lambda: 1, 2]
x[-1]
x[-1:]
x[::-1]
x[a:b, c:d:e, ...]
x[...]
x[..., 1]
x[None]
x[1,]
"""

ATTRS = r"""
1 .real
1.0.real
1.5.real
(1).real
0x10 .real
1j.real
1e309.real
True.real
False.real
None.real
(...).x
....x
'a'.upper
b'a'.upper
(1,).x
(-1).real
(x if y else z).a
(a + b).c
(not a).b
[a].b
{a}.b
{a: b}.c
f'{x}'.y
(x for x in y).z
"""

# Typical annotations: the reason this unparser exists.
ANNOTATIONS = r"""
int
List[int]
typing.List[int]
Optional['Foo']
Optional["Foo"]
dict[str, list[int]]
Dict[str, Tuple[int, ...]]
Callable[[int, str], None]
Callable[..., Awaitable[None]]
Literal['a', "b", 1, True, None]
Literal[-1, 0x10, 1.5]
int | None
int | str | None
list[int] | dict[str, int]
'Forward'
'Forward[int]'
Tuple[()]
Tuple[int, ...]
Annotated[int, x > 0]
Annotated[str, 'meta', 'data']
Union[int, 'str']
Type['C']
Generic[T]
ClassVar[Final[int]]
Iterable[tuple[int, str]]
Mapping[str, Any] | None
"pkg.mod.Class"
np.ndarray[tuple[int, int], np.dtype[np.float64]]
Literal[b'x']
Literal["it's"]
Literal['say "hi"']
Literal['\n']
Literal[...]
Concatenate[int, P]
P.args
Unpack[Ts]
tuple[*Ts]
Callable[[*Ts], None]
"""

FSTRINGS = r"""
f'{x}'
f'{x!r}'
f'{x!s}'
f'{x!a}'
f'{x!s:>{w}}'
f''
f'abc'
f'{x:}'
f'{x!r:}'
f'{x:>10}'
f'{x!r:>10}'
f'{x:{y}}'
f'{x:{y}.{z}f}'
f'{x:{y!r}}'
f'{x:>{w}.{p}}'
f'a{x}b'
f'a{x}b{{c}}'
f'{{}}'
f'{{{x}}}'
f'}}{{'
f'{{'
f'}}'
f'{x:}}}'
f'{x:{{}}}'
f'{x:a{{b}}c}'
f'{x}{y}'
f'{x!r}{y!s}{z!a}'
f' {x} '
f'{x=}'
f'{x = }'
f'{x=!s}'
f'{x=:>3}'
f'{x=!s:>3}'
f'{ {1} }'
f'{ {1:2} }'
f'{ {x for x in y} }'
f'{(lambda: 1)}'
f'{(x := 1)}'
f'{x,}'
f'{x, y}'
f'{*x,}'
f'{yield}'
f'{(yield x)}'
f'{await x}'
f'{a if b else c}'
f'{a or b}'
f'{not a}'
f'{-a}'
f'{[x for x in y]}'
f'{x.y}'
f'{1 .real}'
f'{x[1:2]}'
f'{x(a=1)}'
f'{1.5}'
f'{1e309}'
f'{0x10}'
f'{None}'
f'{...}'
f'{"a"}'
f"{'a'}"
f'{\"""a\"""}'
f'{u"a"}'
f'{b"a"}'
f'{x["a"]}'
f'{x["a"]}\''
f'{x["a"]}\'"'
f'''{x["a"]}\'"'''
f'{x:{"a"}}'
f'{f"{x}"}'
f'''{f"{x['a']}"}'''
f"{f'{x}'}"
f'{"a" + "b"}'
f'{"é"}'
f'{"日本"}'
f'{x!r}\''
f"{x!r}'"
f'{x}\''
f'{x}"'
f"'{x}"
f'"{x}'
f'\'"{x}'
f'''\'"{x}'''
f'''\'"\n{x}'''
f'''\"""\n{x}'''
f'''{x}"'''
f'''{x}""'''
f'''"{x}"'''
f'''{"'"}'''
f'''{"'"}"'''
f'''{\"""'\"""}"'''
f\"""{'''"'''}'\"""
f'''{"'" + '"'}'''
f'''{"'" + '"'}\''''
f'''{"'" + '"'}"'''
f'''{x}\''''
f'''{x}\'\''''
f'''\'\'\'{x}'''
f'''\'\'\'\"""{x}'''
f'''\'\'\'\"""\n{x}'''
f'''{x!r:'}'''
f'''{x!r:"}'''
f'''{x!r:'"}'''
f'a\nb{x}'
f'a\tb{x}'
f'{x}\n'
f'{x}\t'
f'{x:\n}'
f'{x:\t}'
f'\x00{x}'
f'\x7f{x}'
f'\x85{x}'
f'\xa0{x}'
f'\xad{x}'
f'\r{x}'
f'\u1234{x}'
f'\ud800{x}'
f'\U0001f600{x}'
f'é{x}'
f'\\{x}'
f'{x}\\'
f'\\n{x}'
f'{x}' 'a'
'a' f'{x}'
u'a' f'{x}'
'a' f'{x}' 'b'
f'{x}' f'{y}'
f'{x}' 'b' f'{y}'
f'abc' 'def'
rf'\n{x}'
fr'{x}\d'
f'{x:%Y-%m-%d}'
f'{x:{{}}>10}'
f'{"a":{"b"}}'
f'{"a" if x else "b"}'
"""

# Strings written raw into the corpus, where escapes would not do
# (characters that must reach the replacement field unescaped).
RAW_SOURCES = [
    "f'{\"\t\"}'",
    "f'{\"a\tb\"}'",
    "f'{x:\t}'",
    "f'{\"\x7f\"}'",
    "f'{\"\x85\"}'",
    "f'{\"\u2028\"}'",
    "f'{\"\xa0\"}'",
    "f'{\"a\" \"\x01\"}'",
    "f'''{\"\"\"\n\"\"\"}'''",
    "f'''{\"\"\"a\nb\"\"\"}'''",
    "f'{x!r:\x01}'",
    "'\x7f'",
    "'a\tb'",
    "'''a\nb'''",
    "f'''{\"\"\"'\"\"\"}'''",
    "f'{\"\"\"\t\"\"\"}\\n'",
    "'''multi\nline'''",
    "f'''a\n{x}'''",
    "f'''{x}\n'''",
    "f'''a\n\"{x}'''",
    "f'''a\n'{x}'''",
]

BIG = [
    "0x" + "f" * 3570,            # 4298 decimal digits: fits the limit
    "0x" + "f" * 3572,            # 4301: ast.unparse raises ValueError
    "0b" + "1" * 2000,
    "0o" + "7" * 1000,
    "9" * 4300,
    "x[0x" + "f" * 4000 + "]",
    "f'{0x" + "f" * 4000 + "}'",
    "a" * 300,
    "a." * 50 + "b",
    "-" * 100 + "x",
    "not " * 50 + "x",
    "(" * 50 + "x" + ")" * 50,
    "[" * 50 + "]" * 50,
    "f(" * 50 + ")" * 50,
    " + ".join("x%d" % i for i in range(100)),
    " ** ".join("x%d" % i for i in range(50)),
    " or ".join("x%d" % i for i in range(30)),
    " and ".join("x%d" % i for i in range(30)),
    " < ".join("x%d" % i for i in range(30)),
    "lambda: " * 40 + "x",
    "x if y else " * 40 + "z",
    "".join("x if y%d else (" % i for i in range(30)) + "z" + ")" * 30,
]


def binop_combos():
    """Every pair of binary operators nested either way."""
    ops = ["+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"]
    out = []
    for a, b in itertools.product(ops, ops):
        out.append("(x %s y) %s z" % (a, b))
        out.append("x %s (y %s z)" % (a, b))
    for op in ops:
        for u in ["-", "+", "~", "not "]:
            out.append("%sx %s y" % (u, op))
            if u != "not ":  # `x + not y` is a syntax error
                out.append("x %s %sy" % (op, u))
            out.append("(%sx) %s y" % (u, op))
            out.append("x %s (%sy)" % (op, u))
            out.append("%s(x %s y)" % (u, op))
    for op in ops:
        for c in ["<", "in", "is not"]:
            out.append("x %s y %s z" % (op, c))
            out.append("(x %s y) %s z" % (c, op))
    return out


# ----------------------------------------------------- random expressions --

def random_exprs(n, seed):
    """Random well-formed expressions (as source), built as ASTs and
    written by ast.unparse, so every precedence corner gets visited."""
    rng = random.Random(seed)
    names = ["a", "b", "c", "x", "y"]

    def atom():
        k = rng.randrange(6)
        if k < 3:
            return ast.Name(rng.choice(names))
        if k == 3:
            return ast.Constant(rng.choice([0, 1, 255, 2.5, 1e100, "s", "it's", b"b", None, True, ...]))
        if k == 4:
            return ast.Constant(rng.choice([3j, 1e16, -0.0 + 0.0, "a\nb", '"']))
        return ast.Name("z")

    def expr(d):
        if d <= 0:
            return atom()
        k = rng.randrange(20)
        e = lambda: expr(d - 1)
        if k == 0:
            return ast.BinOp(e(), rng.choice([ast.Add(), ast.Sub(), ast.Mult(), ast.Pow(), ast.BitOr(),
                                               ast.BitAnd(), ast.BitXor(), ast.LShift(), ast.FloorDiv(),
                                               ast.MatMult(), ast.Mod(), ast.Div(), ast.RShift()]), e())
        if k == 1:
            return ast.UnaryOp(rng.choice([ast.Not(), ast.USub(), ast.UAdd(), ast.Invert()]), e())
        if k == 2:
            return ast.BoolOp(rng.choice([ast.And(), ast.Or()]), [e() for _ in range(rng.randrange(2, 5))])
        if k == 3:
            cnt = rng.randrange(1, 4)
            return ast.Compare(e(), [rng.choice([ast.Lt(), ast.Eq(), ast.In(), ast.IsNot(), ast.NotIn()])
                                     for _ in range(cnt)], [e() for _ in range(cnt)])
        if k == 4:
            return ast.IfExp(e(), e(), e())
        if k == 5:
            return ast.Lambda(ast.arguments([], [ast.arg("p")], None, [], [], None, []), e())
        if k == 6:
            return ast.Call(e(), [e() for _ in range(rng.randrange(3))],
                            [ast.keyword("k", e())] if rng.random() < 0.3 else [])
        if k == 7:
            return ast.Attribute(e(), "attr")
        if k == 8:
            return ast.Subscript(e(), e())
        if k == 9:
            return ast.Tuple([e() for _ in range(rng.randrange(4))])
        if k == 10:
            return ast.List([e() for _ in range(rng.randrange(3))])
        if k == 11:
            return ast.Dict([e(), None], [e(), e()])
        if k == 12:
            return ast.ListComp(e(), [ast.comprehension(ast.Name("i"), e(), [e()] if rng.random() < 0.5 else [], 0)])
        if k == 13:
            return ast.GeneratorExp(e(), [ast.comprehension(ast.Name("i"), e(), [], 0)])
        if k == 14:
            return ast.Subscript(e(), ast.Slice(e() if rng.random() < 0.7 else None,
                                                e() if rng.random() < 0.7 else None,
                                                e() if rng.random() < 0.4 else None))
        if k == 15:
            return ast.NamedExpr(ast.Name("w"), e())
        if k == 16:
            return ast.Await(e())
        if k == 17:
            return ast.Yield(e() if rng.random() < 0.8 else None)
        if k == 18:
            return ast.Set([e(), ast.Starred(e())])
        vals = [ast.Constant("t{'")]
        vals.append(ast.FormattedValue(e(), rng.choice([-1, 114, 115]), None))
        return ast.JoinedStr(vals)

    out = []
    while len(out) < n:
        tree = ast.fix_missing_locations(ast.Expression(expr(rng.randrange(1, 5))))
        try:
            src = ast.unparse(tree)
            ast.parse(src, mode="eval")
        except (SyntaxError, ValueError):
            continue
        if run_ann(src) != "!na":  # keep the ones both flavours can check
            out.append(src)
    return out


def random_fstrings(n, seed):
    """Random f-strings whose literal parts and nested strings mix quotes,
    newlines, tabs, backslashes, braces and non-printables: the quote
    choice of ast.unparse and repr() of the compiler's unparser."""
    rng = random.Random(seed)
    alphabet = ["a", "a", "'", '"', "'''", '"""', "\n", "\t", "\\", "{", "}", "\x7f", "é", " "]

    def text(k):
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(k)))

    def field():
        k = rng.randrange(5)
        if k == 0:
            value = ast.Name("x")
        elif k == 1:
            value = ast.Constant(text(4))
        elif k == 2:
            value = ast.BinOp(ast.Constant(text(3)), ast.Add(), ast.Name("y"))
        elif k == 3:
            value = ast.JoinedStr([ast.Constant(text(3)) if rng.random() < 0.5 else
                                   ast.FormattedValue(ast.Name("z"), -1, None)])
        else:
            value = ast.Dict([ast.Constant(text(2))], [ast.Name("v")])
        spec = None
        if rng.random() < 0.25:
            spec = ast.JoinedStr([ast.Constant(rng.choice([">3", "x", "'", '"']))])
        return ast.FormattedValue(value, rng.choice([-1, -1, 114]), spec)

    out = []
    while len(out) < n:
        parts = []
        for _ in range(rng.randrange(1, 5)):
            parts.append(ast.Constant(text(5)) if rng.random() < 0.5 else field())
        parts = [p for p in parts if not (isinstance(p, ast.Constant) and not p.value)]
        tree = ast.fix_missing_locations(ast.Expression(ast.JoinedStr(parts)))
        try:
            src = ast.unparse(tree)
            ast.parse(src, mode="eval")
        except (SyntaxError, ValueError):
            continue
        out.append(src)
    return out


# ------------------------------------------------------------- expectation --

def run_ast(src):
    try:
        return ast.unparse(ast.parse(src, mode="eval").body)
    except ValueError as e:
        if "backslash" in str(e):
            return "!backslash"
        if "Exceeds the limit" in str(e):
            return "!intlimit"
        raise


def annotation_of(src):
    code = "from __future__ import annotations\ndef f(x: (\n" + src + "\n)): pass\n"
    ns = {}
    exec(compile(code, "<ann>", "exec"), ns)
    return ns["f"].__annotations__["x"]


def run_ann(src):
    try:
        return annotation_of(src)
    except ValueError as e:
        if "Exceeds the limit" in str(e):
            return "!intlimit"
        raise
    except SyntaxError:
        pass
    try:
        s = annotation_of("lambda: (\n" + src + "\n)")
    except SyntaxError:
        return "!na"
    assert s.startswith("lambda: "), s
    return s[len("lambda: "):]


def esc(s):
    """UTF-8 bytes with backslash, tab, newline and control bytes escaped."""
    out = bytearray()
    for ch in s.encode("utf-8", "surrogatepass"):
        if ch == 0x5C:
            out += b"\\\\"
        elif ch == 0x09:
            out += b"\\t"
        elif ch == 0x0A:
            out += b"\\n"
        elif ch < 0x20 or ch == 0x7F:
            out += b"\\x%02x" % ch
        else:
            out.append(ch)
    return bytes(out)


def lines(block):
    return [l for l in block.split("\n") if l.strip()]


def main():
    corpus = []
    for block in (BASIC, CONSTANTS, OPS, COLLECTIONS, ATTRS, ANNOTATIONS, FSTRINGS):
        corpus += lines(block.replace('\\"""', '"""'))
    corpus += RAW_SOURCES + BIG + binop_combos() + random_exprs(400, 20240611)
    corpus += random_fstrings(400, 20240612)
    seen, rows = set(), []
    for src in corpus:
        if src in seen:
            continue
        seen.add(src)
        try:
            ast.parse(src, mode="eval")
        except SyntaxError as e:
            sys.exit("not a valid 3.11 expression: %r (%s)" % (src, e))
        row = [run_ast(src), run_ann(src)]
        if row[1] == "!intlimit":
            sys.set_int_max_str_digits(0)
            row.append(run_ann(src))
            sys.set_int_max_str_digits(4300)
        rows.append(b"\t".join(esc(f) for f in [src] + row) + b"\n")
    with open(os.path.join(HERE, "cases.txt"), "wb") as f:
        f.write(b"".join(rows))
    print("%d cases" % len(rows))


if __name__ == "__main__":
    sys.set_int_max_str_digits(4300)
    main()
