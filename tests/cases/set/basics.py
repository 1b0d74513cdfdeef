s = {3, 1, 2}
s.add(5); s.add(1)
print(s, len(s), 1 in s, 9 in s)
s.discard(9); s.discard(3)
print(s)
s.remove(5)
print(s, s.pop(), s)
s.update([10, 20], (30,), {40})
print(s)
t = s.copy(); t.clear()
print(s, t, set(), set([1, 1, 2]), set("aab") == {"a", "b"}, set(range(5)))
try:
    s.remove(999)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    s.add({})
except TypeError as e:
    print("TypeError", e)
