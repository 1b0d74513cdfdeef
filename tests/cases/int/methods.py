print((255).bit_length(), (0).bit_length(), (-255).bit_length(), (2**100).bit_length())
print((7).bit_count(), (-7).bit_count(), (0).bit_count())
print((10).real, (10).imag, (10).numerator, (10).denominator)
print((10).conjugate(), (5).as_integer_ratio())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print(abs(5), int.bit_length(9))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError", e)
print((3).is_integer() if hasattr(3, "is_integer") else "no is_integer")
