assert True
assert 1 == 1, "never"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ["msg", 1]
except AssertionError as e:
    print("AssertionError", e, e.args)
def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x * 2
print(check(4))
try:
    check("4")
except AssertionError as e:
    print(e)
print("uncaught next")
assert len("abc") == 4, "length mismatch"
