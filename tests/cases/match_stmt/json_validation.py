def validate(doc, path="$"):
    errors = []
    match doc:
        case {"type": "user", "name": str(name), "age": int(age), **rest} if age >= 0:
            for k, v in rest.items():
                match k, v:
                    case "email", str(e) if "@" in e:
                        pass
                    case "email", _:
                        errors.append(path + ".email: invalid")
                    case "tags", [*tags] if all(isinstance(t, str) for t in tags):
                        pass
                    case "tags", _:
                        errors.append(path + ".tags: must be list of str")
                    case _:
                        errors.append(path + "." + k + ": unexpected")
        case {"type": "user", "age": int(age)} if age < 0:
            errors.append(path + ".age: negative")
        case {"type": "user"}:
            errors.append(path + ": user needs str name and int age")
        case {"type": "group", "members": [*members]}:
            for i, m in enumerate(members):
                errors.extend(validate(m, "%s.members[%d]" % (path, i)))
        case {"type": other}:
            errors.append(path + ": unknown type %r" % (other,))
        case list(items):
            for i, it in enumerate(items):
                errors.extend(validate(it, "%s[%d]" % (path, i)))
        case _:
            errors.append(path + ": not an object")
    return errors
docs = [
    {"type": "user", "name": "ann", "age": 30, "email": "a@x", "tags": ["admin"]},
    {"type": "user", "name": "bob", "age": -1},
    {"type": "user", "name": 5, "age": 1},
    {"type": "user", "name": "cy", "age": 2, "email": "nope", "tags": [1], "zip": 123},
    {"type": "group", "members": [{"type": "user", "name": "d", "age": 4}, {"type": "robot"}, 7]},
    [{"type": "user", "name": "e", "age": 5}, "str"],
    {"kind": "?"},
]
for d in docs:
    errs = validate(d)
    print("OK" if not errs else "ERRORS:")
    for e in errs:
        print("  ", e)
