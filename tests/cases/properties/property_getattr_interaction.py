class Tricky:
    def __init__(self):
        self.config = {}
    @property
    def value(self):
        return self.config["value"]
    @property
    def broken(self):
        return self.nonexistent_attr
    @property
    def raises_value_error(self):
        raise ValueError("real problem")
    def __getattr__(self, name):
        return "__getattr__(" + name + ")"
t = Tricky()
print(t.broken)
try:
    t.value
except KeyError as e:
    print(type(e).__name__, e)
try:
    t.raises_value_error
except ValueError as e:
    print(type(e).__name__, e)
class NoFallback:
    @property
    def broken(self):
        return self.nonexistent_attr
try:
    NoFallback().broken
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(NoFallback(), "broken"), getattr(NoFallback(), "broken", "default"))
class Masking:
    @property
    def data(self):
        raise AttributeError("data not ready")
    def __getattr__(self, name):
        if name == "data":
            return "fallback data"
        raise AttributeError(name)
print(Masking().data)
