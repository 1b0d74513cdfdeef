class Field:
    counter = 0
    def __init__(self, kind, default=None, required=False):
        self.kind, self.default, self.required = kind, default, required
        Field.counter += 1
        self.order = Field.counter
        self.name = None
    def validate(self, value):
        if value is None:
            if self.required:
                raise ValueError(f"{self.name} is required")
            return self.default
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        return value
class Model:
    _fields = {}
    _table = None
    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        fields = dict(getattr(cls, "_fields", {}))
        own = [(k, v) for k, v in vars(cls).items() if isinstance(v, Field)]
        for name, f in sorted(own, key=lambda kv: kv[1].order):
            f.name = name
            fields[name] = f
            delattr(cls, name)
        cls._fields = fields
        cls._table = table or cls.__name__.lower() + "s"
        cls._rows = []
        cls._next_id = 1
    def __init__(self, **values):
        unknown = set(values) - set(self._fields)
        if unknown:
            raise TypeError(f"unknown field(s) for {type(self).__name__}: {', '.join(sorted(unknown))}")
        for name, f in self._fields.items():
            setattr(self, name, f.validate(values.get(name)))
        self.id = None
    def save(self):
        cls = type(self)
        if self.id is None:
            self.id = cls._next_id
            cls._next_id += 1
            cls._rows.append(self)
        return self
    @classmethod
    def where(cls, **conds):
        return Query(cls, conds)
    def __repr__(self):
        vals = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}#{self.id}({vals})"
class Query:
    def __init__(self, model, conds):
        self.model, self.conds = model, conds
        self._order = None
        self._limit = None
    def order_by(self, key):
        self._order = key
        return self
    def limit(self, n):
        self._limit = n
        return self
    def _match(self, row):
        for key, want in self.conds.items():
            field, _, op = key.partition("__")
            have = getattr(row, field)
            if op == "" and have != want: return False
            if op == "gt" and not have > want: return False
            if op == "lt" and not have < want: return False
            if op == "in" and have not in want: return False
            if op == "contains" and (have is None or want not in have): return False
        return True
    def __iter__(self):
        rows = [r for r in self.model._rows if self._match(r)]
        if self._order:
            desc = self._order.startswith("-")
            rows.sort(key=lambda r: getattr(r, self._order.lstrip("-")), reverse=desc)
        if self._limit is not None:
            rows = rows[:self._limit]
        return iter(rows)
    def count(self):
        return sum(1 for _ in self)
    def first(self):
        return next(iter(self), None)
class User(Model):
    name = Field(str, required=True)
    age = Field(int, default=0)
    email = Field(str)
class Admin(User, table="admins"):
    level = Field(int, default=1)
for kw in [dict(name="ann", age=31, email="ann@x"), dict(name="bob", age=25), dict(name="cy", age=40, email="cy@y"),
           dict(name="di", age=19, email="di@x")]:
    User(**kw).save()
Admin(name="root", level=9).save()
print(list(User._fields), list(Admin._fields), User._table, Admin._table)
print(list(User.where(age__gt=20).order_by("-age")))
print(User.where(email__contains="@x").count(), User.where(name__in=("bob", "zed")).first())
print(list(User.where().order_by("name").limit(2)), Admin.where(level=9).first())
print(User.where(age__lt=0).first(), len(User._rows), len(Admin._rows))
for bad in [dict(age=3), dict(name="x", age="3"), dict(name="x", nick="y")]:
    try:
        User(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(hasattr(User, "name"), "name" in vars(User))
