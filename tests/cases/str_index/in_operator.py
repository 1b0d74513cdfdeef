s = "the quick brown fox"
for sub in ["", "t", "quick", "Quick", "fox", "fox ", " ", "the quick brown fox", "the quick brown fox!"]:
    print(repr(sub), sub in s, sub not in s)
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError", e)
try:
    print(["a"] in "abc")
except TypeError as e:
    print("TypeError", e)
