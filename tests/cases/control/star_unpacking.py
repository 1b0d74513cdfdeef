a, *b, c = range(7)
print(a, b, c)
*front, = "abc"
print(front)
first, second, *_ = [10, 20, 30, 40]
print(first, second, _)
(a, b), *rest = [(1, 2), (3, 4), (5, 6)]
print(a, b, rest)
head, *tail = "x"
print(head, tail)
print([*range(3), *"ab"], (*[1], *[2]), {*"aa", *"b"} == {"a", "b"}, {**{"k": 1}, **{"j": 2}})
for first, *others in ["abc", "d", "ef"]:
    print(first, others)
x = [1, 2, 3]
y = [*x, *x]
print(y, [*x][::-1])
def f(*args):
    return args
print(f(*x, *"hi", *(), *{1: 0}))
m, *n, o, p = 1, 2, 3, 4
print(m, n, o, p)
