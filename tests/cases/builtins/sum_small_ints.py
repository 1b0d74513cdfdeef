# sum() adds a list's or tuple's leading small ints in C, then goes on
# generically: floats, bools, big ints, overflow of the small range, subclasses.
print(sum([1, 2, 3]), sum((4, 5)), sum([]), sum([1, 2.5, 3]), sum([1, 2], 10), sum([2**62, 2**62, 1]))
print(sum([1, True, False]), sum([2**61] * 8), sum([-2**62] * 3), sum(range(10)), sum([1, 2], start=0.5))
class L(list): pass
print(sum(L([1, 2, 3])), sum([[1], [2]], []), sum(list(range(10000))))
try: sum([1, 'a'])
except TypeError as e: print(e)
