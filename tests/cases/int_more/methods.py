# int methods and attributes on small, big and bool values.
for v in [0, 5, -5, 255, -256, 2**47, -2**70, 10**20, True, False]:
    print(v, v.bit_length(), v.bit_count(), v.real, v.imag, v.numerator, v.denominator, v.conjugate(),
          v.as_integer_ratio(), type(v.real).__name__, v.__index__(), v.__int__(), v.__float__(), v.__abs__(),
          v.__trunc__(), v.__floor__(), v.__ceil__(), v.__round__(), v.__round__(-1), v.__bool__(), v.__neg__(),
          v.__invert__(), v.__getnewargs__(), v.__sizeof__())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True))
print((5).to_bytes(), (0).to_bytes(0, 'big'), (2**100).to_bytes(13, 'big'), (-2**100).to_bytes(14, 'little', signed=True))
print((-128).to_bytes(1, 'big', signed=True), (255).to_bytes(1, 'little'), True.to_bytes(2, 'little'))
print((5).to_bytes(length=3, byteorder='little'), (5).to_bytes(2, byteorder='big', signed=True))
for args in [(1, 'big'), (1, 'little', True), (0, 'big'), (-1, 'big'), (2, 'middle')]:
    for v in [256, -1, 128, -129, 0]:
        try:
            print(v, args, v.to_bytes(args[0], args[1], signed=len(args) > 2))
        except (OverflowError, ValueError) as e:
            print(v, args, type(e).__name__, e)
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print(int.from_bytes(b'', 'big'), int.from_bytes(b'\x80', 'big', signed=True), int.from_bytes(b'\x00' * 20 + b'\x01', 'big'))
print(int.from_bytes([1, 2, 3], 'little'), int.from_bytes((255,), 'big'), int.from_bytes(bytes(range(16)), 'little', signed=True))
print(bool.from_bytes(b'\x02', 'big'), bool.from_bytes(b'\x00', 'big'), int.from_bytes(b'\x01\x00', byteorder='big'))
for bad in [5, "ab", 1.5, None]:
    try:
        int.from_bytes(bad, 'big')
    except TypeError as e:
        print("TypeError", e)
try:
    int.from_bytes(b'\x01', 'bog')
except ValueError as e:
    print("ValueError", e)
try:
    (5).to_bytes(2, 'big', True)
except TypeError as e:
    print("TypeError", e)
try:
    (5).bit_length(1)
except TypeError as e:
    print("TypeError", e)
print(int.__add__(3, 4), (5).__radd__(1.5), (5).__add__(2**70), (2).__pow__(-1), (2).__rpow__(3), (7).__rfloordiv__(50))
print((6).__and__(3), (6).__ror__(3), (6).__xor__(3), (1).__lshift__(70), (2**70).__rshift__(68), (7).__mod__(-2))
print(True.__and__(True), True.__or__(0), True.__xor__(False), False.__rxor__(True))
print(int.bit_length(9), int.conjugate(True), abs(-2**70), abs(False))
