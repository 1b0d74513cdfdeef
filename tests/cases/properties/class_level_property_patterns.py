class Registry:
    _items = {}
    @classmethod
    def register(cls, name, value):
        cls._items[name] = value
    @property
    def names(self):
        return sorted(self._items)
    @property
    def count(self):
        return len(self._items)
r = Registry()
Registry.register("b", 2)
Registry.register("a", 1)
print(r.names, r.count)
print(type(Registry.names).__name__)
class Settings:
    def __init__(self, **kw):
        self._values = dict(kw)
    def _make(name, default):
        def get(self):
            return self._values.get(name, default)
        def set(self, v):
            self._values[name] = v
        return property(get, set, doc="setting " + name)
    debug = _make("debug", False)
    level = _make("level", 1)
    name = _make("name", "app")
    del _make
s = Settings(level=3)
print(s.debug, s.level, s.name)
s.debug = True
s.name = "svc"
print(s._values, Settings.level.__doc__)
print(hasattr(Settings, "_make"))
def make_props(cls):
    for field in cls.fields:
        def getter(self, f=field):
            return self._data[f]
        setattr(cls, field, property(getter))
    return cls
@make_props
class Row:
    fields = ("id", "title")
    def __init__(self, *vals):
        self._data = dict(zip(self.fields, vals))
row = Row(7, "hello")
print(row.id, row.title)
try:
    row.id = 8
except AttributeError as e:
    print(type(e).__name__, e)
