# Global and builtin names looked up again and again, while the globals
# change under them: shadowing a builtin, deleting, re-adding, assigning
# through globals(), many new names (the dict grows), clearing.
def size(x):
    return len(x)

print(size("abc"))
len = lambda x: 42
print(size("abc"))
del len
print(size("abc"))

total = 0
for i in range(5):
    total += i
print(total, i)

g = globals()
g["total"] = 100
total += 1
print(total)

def read_total():
    return total

print(read_total())
del total
try:
    read_total()
except NameError as e:
    print("NameError:", e)
g["total"] = 7
print(read_total())

for k in range(200):
    g["name%d" % k] = k
print(read_total(), name199, size([1, 2]))

def counter():
    global count
    count = count + 1
    return count

count = 0
for _ in range(3):
    counter()
print(count)
del g["count"]
g["count"] = 10
print(counter(), count)

class str_key(str):
    pass

g[str_key("late")] = "subclass key"
print(late)
def wipe_and_restore(gl):
    saved = dict(gl)
    gl.clear()
    try:
        print(size)
    except NameError as e:
        print("NameError:", e)
    gl.update(saved)

wipe_and_restore(g)
print(size("xy"), read_total())
