vals = [0, 1, 5, -1, -6, 255, 1 << 70, -(1 << 65)]
for a in vals:
    print(a, [a & b for b in vals])
    print(a, [a | b for b in vals])
    print(a, [a ^ b for b in vals])
    print(a, ~a, a << 3, a >> 2, a >> 100)
print(1 << 0, 1 << 63, 1 << 64, -1 << 10, -1 >> 10, -5 >> 1)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError", e)
