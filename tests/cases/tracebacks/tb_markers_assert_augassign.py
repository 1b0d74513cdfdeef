# Markers for a failed assert (at its last comparison) and an augmented
# assignment (at the target), in a chained traceback.
def check(n):
    assert n > 0 and n < 10, f"out of range: {n}"

counts = {"a": 1}
try:
    check(42)
except AssertionError:
    counts["b"] += 1
