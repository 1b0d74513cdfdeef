print(",".join(["a", "b", "c"]), "".join([]), "-".join("abc"), ", ".join(("x",)), "<>".join(["", ""]))
print(" ".join(str(i) for i in range(5)), "\n".join(["l1", "l2"]))
print("+".join(sorted({"c", "a", "b"})), "".join(reversed("stressed")))
print("".join(map(str, [1, 2, 3])), ":".join({"k1": 1, "k2": 2}))
for bad in [[1, 2], ["a", None], ["a", b"b"]]:
    try:
        print("-".join(bad))
    except TypeError as e:
        print("TypeError", e)
try:
    ",".join(5)
except TypeError as e:
    print("TypeError", e)
