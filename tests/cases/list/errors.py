a = [1, 2, 3]
tests = [
    lambda: a.pop(10),
    lambda: [].pop(),
    lambda: a.remove(99),
    lambda: a.index(99),
    lambda: a[3],
    lambda: a[-4],
    lambda: a["0"],
    lambda: a.index(1, 1),
    lambda: a + (4,),
    lambda: a * 1.5,
    lambda: [3, "a", 1].sort(),
    lambda: a.insert(1),
    lambda: a.append(1, 2),
    lambda: sorted([1, None]),
    lambda: [[1], "x"] < [[1], 2],
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
def assign():
    a[5] = 0
try:
    assign()
except IndexError as e:
    print("IndexError", e)
def delete():
    del a[7]
try:
    delete()
except IndexError as e:
    print("IndexError", e)
print(a)
