print([chr(i) for i in range(65, 75)], [ord(c) for c in "AZaz09 ~"])
print(hex(0), hex(255), hex(-255), hex(2**64), oct(0), oct(8), oct(-8), bin(0), bin(5), bin(-5), bin(2**10))
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), int(hex(-99), 0))
for f in (hex, oct, bin):
    for bad in [1.5, "1", None]:
        try:
            f(bad)
        except TypeError as e:
            print(f.__name__, "TypeError", e)
print(f"{ord('€'):x}", chr(0x1F600), hex(ord("\n")), bin(True))
