# Values around the small-int edge (2**47) and int64 behave like any int.
edge = 2**47
for v in [edge - 2, edge - 1, edge, edge + 1, -edge - 1, -edge, -edge + 1, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64]:
    print(v, -v, ~v, abs(v), v + 1, v - 1, v * 2, v // 3, v % 1000, v >> 1, v << 1, hex(v), v == edge, hash(v))
x = edge - 1
x += 1
print(x, x - 1, type(x - 1), x - 1 == edge - 1, (x - 1) * 1 is not None)
print(sum(range(edge - 3, edge + 3)), max(edge, edge - 1), min(-edge, -edge - 1))
print([edge + i for i in range(-2, 3)], sorted([edge + 1, -edge, edge, 0]))
print(edge * edge, (edge * edge) // edge == edge, (edge * edge) % (edge - 1))
print((-edge) // -1, (-edge) * -1, -edge - 1 + 1 == -edge)
print(2**62 + 2**62, 2**63 * -1, (2**63 - 1) + 1, -(2**63) - 1)
print({edge: 'a', edge - 1: 'b'}[edge], (edge - 1) in {edge - 1}, edge in {edge})
print(int(float(edge)), int(float(-edge)), float(edge + 1), int(2.0 ** 63), int(-2.0 ** 63))
print(edge.bit_length(), (edge - 1).bit_length(), (-edge).bit_length(), (-edge - 1).bit_count())
