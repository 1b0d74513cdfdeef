flags = [True, False, True, True]
print(sum(flags), flags.count(True), sum(flags) / len(flags), all(flags), any(flags), flags.index(False))
print(f"{True}", f"{True!r}", f"{True:>6}", f"{True:d}", f"{True:.2f}", f"{False:x}", "%s %d %r" % (True, True, False))
print(str(True) + "!", [str(b) for b in (True, False)], "True" == str(True), bool("False"))
print(True * 3.5, True / 4, False ** 0, 2 ** False, True % 2, -True // 2, abs(-True))
print(int(True), float(True), True.real, True.imag, True.numerator)
print(True.bit_length(), (False).bit_length(), True.as_integer_ratio(), True.conjugate())
