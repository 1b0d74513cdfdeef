class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        return self._r
    @property
    def diameter(self):
        return 2 * self._r
c = Circle(2)
print(c.radius, c.diameter)
c._r = 5
print(c.radius, c.diameter)
c.diameter = 20
print("unreachable")
