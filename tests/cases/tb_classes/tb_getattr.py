class Record:
    def __init__(self, **fields):
        self._fields = fields
    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError("Record has no field %r" % name)
r = Record(id=1, name="x")
print(r.id, r.name)
print(r.email)
