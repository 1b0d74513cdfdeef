for f in (lambda: b'A'.hex(':', 2**31), lambda: b'AB'.hex(':', -2**31), lambda: bytearray(b'AB').hex(':', 2**31), lambda: b'ABC'.hex(':', 2), lambda: b'A'.hex(':', 2**63)):
    try: print(f())
    except (OverflowError, ValueError) as e: print(type(e).__name__, e)
try: b'A'.hex(':', 1.5)
except TypeError as e: print(e)
