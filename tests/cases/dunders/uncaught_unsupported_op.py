class Celsius:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Celsius):
            return Celsius(self.v + other.v)
        return NotImplemented
    def __repr__(self):
        return "Celsius(%r)" % self.v
total = Celsius(0)
for reading in [Celsius(10), Celsius(12.5), Celsius(-3)]:
    total = total + reading
print(total)
readings = [Celsius(1), 2, Celsius(3)]
acc = Celsius(0)
for r in readings:
    acc = acc + r
    print("acc", acc)
