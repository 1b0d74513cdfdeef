class Temperature:
    def __init__(self, kelvin):
        self.kelvin = kelvin
    @classmethod
    def from_string(cls, s):
        value, unit = s[:-1], s[-1]
        return cls(cls.convert(float(value), unit))
    @staticmethod
    def convert(v, unit):
        return {"K": v, "C": v + 273.15}[unit]
print(Temperature.from_string("10C").kelvin)
Temperature.from_string("50F")
