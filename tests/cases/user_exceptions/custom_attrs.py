class ValidationError(Exception):
    def __init__(self, field, value, reason):
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}={value!r}: {reason}")
class MultiError(Exception):
    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("%d validation error(s)" % len(self.errors))
    def __str__(self):
        lines = [super().__str__()]
        lines += ["  - " + str(e) for e in self.errors]
        return "\n".join(lines)
def validate(rec):
    errs = []
    if not isinstance(rec.get("name"), str) or not rec.get("name"):
        errs.append(ValidationError("name", rec.get("name"), "required string"))
    age = rec.get("age")
    if not isinstance(age, int) or isinstance(age, bool):
        errs.append(ValidationError("age", age, "must be int"))
    elif not 0 <= age <= 150:
        errs.append(ValidationError("age", age, "out of range"))
    if errs:
        if len(errs) == 1:
            raise errs[0]
        raise MultiError(errs)
    return rec
records = [{"name": "ann", "age": 30}, {"name": "", "age": 30}, {"name": "bob", "age": 200},
           {"age": "x"}, {"name": "cy", "age": True}]
for r in records:
    try:
        validate(r)
        print("valid", r)
    except MultiError as e:
        print(e)
        print("fields:", [x.field for x in e.errors])
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field, "| reason =", e.reason, "| args =", e.args)
e = ValidationError("f", 1, "r")
print(repr(e))
print(e.__dict__)
e.extra = "added later"
print(sorted(e.__dict__))
print(MultiError([]).errors, str(MultiError([])))
