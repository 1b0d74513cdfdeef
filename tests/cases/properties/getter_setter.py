class Temperature:
    def __init__(self, celsius=0.0):
        self._c = None
        self.celsius = celsius
    @property
    def celsius(self):
        """Temperature in Celsius."""
        print("  get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("  set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero: %r" % (v,))
        self._c = v
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

t = Temperature(25)
print(t.celsius)
print(t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t._c)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
print(t.celsius)
t.celsius += 10
print(t.__dict__)
print(Temperature.celsius.__doc__)
print(type(Temperature.celsius).__name__, isinstance(Temperature.fahrenheit, property))
print(Temperature.celsius.fget.__name__, Temperature.celsius.fset.__name__, Temperature.celsius.fdel)
print(Temperature.celsius.fget(t))
t.__dict__["celsius"] = "shadow attempt"
print(t.celsius)
print(t.__dict__["celsius"])
print(getattr(t, "fahrenheit"), hasattr(t, "celsius"))
setattr(t, "celsius", 0)
print(t.fahrenheit)
