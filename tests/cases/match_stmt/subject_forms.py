a, b = 1, 2
match a, b:
    case (1, 2):
        print("tuple subject without parens")
match a, *[3, 4]:
    case (x, *rest):
        print("starred subject", x, rest)
match (yield_value := 10):
    case 10:
        print("walrus subject", yield_value)
def f():
    return {"status": "ok", "data": [1, 2]}
match f():
    case {"status": "ok", "data": [_, second]}:
        print("call subject", second)
match [i * i for i in range(4)]:
    case [0, 1, *rest]:
        print("comprehension subject", rest)
match "text":
    case "text" if False:
        print("no")
    case str() as s:
        print("subject evaluated once:", s)
counter = [0]
def subject():
    counter[0] += 1
    return counter[0]
match subject():
    case 5:
        pass
    case 6:
        pass
    case n:
        print("subject call count", counter[0], "value", n)
x = 3
match x:
    case 1:
        print("one")
print("no case matched, execution continues")
match None:
    case None:
        print("None subject")
