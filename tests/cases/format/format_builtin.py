print(format(3.14159, ".3f"), format(42, "b"), format(42, "o"), format("x", ">3"), format(1e6, ",.0f"), format(0.25, ".0%"))
print(format(-7, "+05d"), format(7, " "), format(12345.6789, "_.2f"), format(255, "#X"), format(3, "c" if False else "03"))
print(format(123, "10"), format(1.5, "10"), format("s", "10"), format(True, "10"), format(None, "") if False else "")
try:
    format(None, "10")
except TypeError as e:
    print("TypeError", e)
try:
    format([], "d")
except TypeError as e:
    print("TypeError", e)
try:
    format(1, 5)
except TypeError as e:
    print("TypeError", e)
