for v in [0, 7, -7, 10**18, -10**18, 2**64, -2**64, 10**50 + 1]:
    print(str(v), repr(v), hex(v), oct(v), bin(v))
print(hex(-255), oct(-8), bin(-5))
print(str(2**200))
print(len(str(2**1000)), str(2**1000)[:20], str(2**1000)[-20:])
