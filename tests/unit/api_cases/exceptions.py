try:
    boom("bad input")
except ValueError as e:
    print("caught", type(e).__name__, e)

def guarded():
    try:
        return fetch(1)
    finally:
        print("finally runs", fetch(2))

print(guarded())
try:
    try:
        boom("inner")
    finally:
        print("cleanup", fetch(3))
except ValueError as e:
    print("outer caught", e)

for i in range(3):
    try:
        if i == 1:
            boom(f"item {i}")
        print("ok", fetch(i))
    except ValueError as e:
        print("skip", e)
        continue
class Ctx:
    def __enter__(self):
        return 5
    def __exit__(self, *exc):
        print("exit")

with Ctx() as v:
    print("with", fetch(v))
print(undefined_tool(1))
