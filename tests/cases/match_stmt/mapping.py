def handle(event):
    match event:
        case {"type": "click", "x": x, "y": y}:
            return "click at %d,%d" % (x, y)
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return "key " + k
        case {"type": "key", **rest}:
            return "special key event, other fields %r" % (rest,)
        case {"type": t}:
            return "unknown type " + repr(t)
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"
events = [{"type": "click", "x": 1, "y": 2, "extra": True}, {"type": "key", "key": "a"},
          {"type": "key", "key": "Enter", "mods": ["shift"]}, {"type": "scroll"}, {"other": 1},
          {}, [("type", "click")], "str"]
for ev in events:
    print(handle(ev))
def rest_capture(d):
    match d:
        case {"id": i, **others}:
            return i, others, type(others).__name__
print(rest_capture({"id": 1, "b": 2, "c": 3}), rest_capture({"id": 0}))
class Default(dict):
    def __missing__(self, key):
        return "default!"
match Default(a=1):
    case {"b": v}:
        print("matched via __missing__?", v)
    case {"a": 1}:
        print("__missing__ not consulted by mapping patterns")
def keys_kinds(d):
    match d:
        case {1: one, "1": one_s}:
            return "both", one, one_s
        case {None: n}:
            return "none key", n
        case {True: t}:
            return "true key", t
    return "none"
print(keys_kinds({1: "int", "1": "str"}), keys_kinds({None: 0}), keys_kinds({1: "x"}))
KEY = "name"
class K:
    NAME = "name"
match {"name": "ann"}:
    case {K.NAME: n}:
        print("value pattern as key:", n)
def nested_map(cfg):
    match cfg:
        case {"db": {"host": host, "port": int(port)}, "debug": bool(debug)}:
            return "db %s:%d debug=%s" % (host, port, debug)
        case {"db": {"host": host}}:
            return "db %s default port" % host
    return "bad config"
print(nested_map({"db": {"host": "h", "port": 5432}, "debug": False}))
print(nested_map({"db": {"host": "h", "port": "5432"}, "debug": False}))
print(nested_map({"db": {}}))
