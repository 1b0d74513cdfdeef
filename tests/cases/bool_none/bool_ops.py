print(True and False, True or False, not True, not False)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, [] or {}, '' and 1)
print(0 or '' or None or 'last', 1 and 'a' and [1] and 'end')
print(None and 1, not None, not 0.0)
print(bool(), bool(0), bool('x'), bool([None]), type(bool(1)))
print(True is not False, True != False, True > False, False < True)
print(True + False, [True, False] * 2, sorted([True, False, True]))
print(str(True), repr(False), f"{True}", f"{True:d}", f"{False:>6}|", format(True, "^7"))
print(int(True), float(False), -True, abs(False))
calls = []
def t(x):
    calls.append(x)
    return x
print(t(0) and t(1), calls)
calls.clear()
print(t(1) or t(2), calls)
calls.clear()
print(t(0) or t('') or t(3) or t(4), calls)
print(isinstance(True, int), issubclass(bool, int), type(True) is bool, isinstance(1, bool))
