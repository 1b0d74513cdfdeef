class SerializeError(TypeError):
    pass
class Serializer:
    def __init__(self, indent=None, sort_keys=False):
        self.indent, self.sort_keys = indent, sort_keys
        self.encoders = {}
    def register(self, cls):
        def deco(fn):
            self.encoders[cls] = fn
            return fn
        return deco
    def dumps(self, obj):
        return self._enc(obj, 0, set())
    def _str(self, s):
        out = ['"']
        for ch in s:
            if ch == '"': out.append('\\"')
            elif ch == "\\": out.append("\\\\")
            elif ch == "\n": out.append("\\n")
            elif ch == "\t": out.append("\\t")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e: out.append("\\u%04x" % ord(ch))
            else: out.append(ch)
        out.append('"')
        return "".join(out)
    def _enc(self, obj, depth, active):
        if obj is None: return "null"
        if obj is True: return "true"
        if obj is False: return "false"
        if isinstance(obj, int): return str(obj)
        if isinstance(obj, float):
            if obj != obj or obj in (float("inf"), float("-inf")):
                raise SerializeError(f"cannot serialize float {obj!r}")
            return repr(obj)
        if isinstance(obj, str): return self._str(obj)
        for cls in type(obj).__mro__:
            if cls in self.encoders:
                return self._enc(self.encoders[cls](obj), depth, active)
        if hasattr(obj, "__json__"):
            return self._enc(obj.__json__(), depth, active)
        if isinstance(obj, (list, tuple, dict)):
            marker = id(obj)
            if marker in active:
                raise SerializeError("circular reference detected")
            active.add(marker)
            try:
                if isinstance(obj, dict):
                    items = sorted(obj.items()) if self.sort_keys else list(obj.items())
                    for k, _ in items:
                        if not isinstance(k, str):
                            raise SerializeError(f"keys must be str, not {type(k).__name__}")
                    parts = [self._str(k) + ": " + self._enc(v, depth + 1, active) for k, v in items]
                    return self._wrap("{", "}", parts, depth)
                parts = [self._enc(v, depth + 1, active) for v in obj]
                return self._wrap("[", "]", parts, depth)
            finally:
                active.discard(marker)
        raise SerializeError(f"Object of type {type(obj).__name__} is not serializable")
    def _wrap(self, open_, close, parts, depth):
        if not parts:
            return open_ + close
        if self.indent is None:
            return open_ + ", ".join(parts) + close
        pad = " " * (self.indent * (depth + 1))
        return open_ + "\n" + ",\n".join(pad + p for p in parts) + "\n" + " " * (self.indent * depth) + close
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __json__(self):
        return {"x": self.x, "y": self.y}
class Color:
    def __init__(self, r, g, b):
        self.rgb = (r, g, b)
class Shade(Color):
    pass
s = Serializer()
@s.register(Color)
def enc_color(c):
    return "#%02x%02x%02x" % c.rgb
@s.register(set)
def enc_set(v):
    return sorted(v)
doc = {"name": "tab\tand \"quotes\"", "ok": True, "none": None, "n": [1, -2, 3.5, 1e20],
       "pt": Point(1, 2), "color": Shade(255, 128, 0), "tags": {"b", "a"}, "nested": {"empty": [], "e2": {}},
       "uni": "caf\u00e9 \u2713"}
print(s.dumps(doc))
print(Serializer(indent=2, sort_keys=True).dumps({"b": [1, {"c": None}], "a": Point(0, 0)}))
loop = [1]
loop.append(loop)
shared = [1, 2]
print(s.dumps([shared, shared]))
for bad in (loop, {1: "x"}, float("nan"), object, {"k": b"bytes"}):
    try:
        s.dumps(bad)
    except SerializeError as e:
        print(type(e).__name__, e, isinstance(e, TypeError))
