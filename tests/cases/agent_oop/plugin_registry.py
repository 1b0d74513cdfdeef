class PluginMeta:
    registry = {}
class Plugin:
    name = None
    priority = 50
    requires = ()
    def __init_subclass__(cls, abstract=False, **kw):
        super().__init_subclass__(**kw)
        if abstract:
            return
        if cls.name is None:
            cls.name = cls.__name__.lower()
        if cls.name in PluginMeta.registry:
            raise TypeError(f"duplicate plugin name {cls.name!r} ({cls.__qualname__})")
        PluginMeta.registry[cls.name] = cls
    def run(self, data):
        raise NotImplementedError
    def __repr__(self):
        return f"<plugin {self.name} p={self.priority}>"
class TextPlugin(Plugin, abstract=True):
    def run(self, data):
        return self.transform(data)
class Strip(TextPlugin):
    priority = 10
    def transform(self, s):
        return s.strip()
class Lower(TextPlugin):
    priority = 20
    requires = ("strip",)
    def transform(self, s):
        return s.lower()
class Words(Plugin):
    name = "split-words"
    priority = 30
    requires = ("lower",)
    def run(self, s):
        return s.split()
class Dedup(Plugin):
    priority = 40
    requires = ("split-words",)
    def run(self, words):
        seen, out = set(), []
        for w in words:
            if w not in seen:
                seen.add(w)
                out.append(w)
        return out
def deprecated(reason):
    def deco(cls):
        orig = cls.run
        def run(self, data):
            self.warnings.append(f"{self.name} is deprecated: {reason}")
            return orig(self, data)
        cls.run = run
        cls.warnings = []
        return cls
    return deco
@deprecated("use split-words")
class Count(Plugin):
    priority = 90
    requires = ("dedup",)
    def run(self, words):
        return {"unique": len(words), "words": words}
def resolve(names):
    order, visiting = [], set()
    def visit(n):
        if n in order:
            return
        if n in visiting:
            raise RuntimeError("dependency cycle at " + n)
        if n not in PluginMeta.registry:
            raise LookupError(f"unknown plugin {n!r}")
        visiting.add(n)
        for dep in PluginMeta.registry[n].requires:
            visit(dep)
        visiting.discard(n)
        order.append(n)
    for n in sorted(names, key=lambda n: PluginMeta.registry[n].priority if n in PluginMeta.registry else 0):
        visit(n)
    return [PluginMeta.registry[n]() for n in order]
print(sorted(PluginMeta.registry))
chain = resolve(["count"])
print(chain)
data = "  The cat and THE dog and the BIRD  "
for p in chain:
    data = p.run(data)
print(data, Count.warnings)
try:
    class Strip2(Plugin):
        name = "strip"
except TypeError as e:
    print(type(e).__name__, e)
try:
    resolve(["nope"])
except LookupError as e:
    print(type(e).__name__, e)
print("textplugin" in PluginMeta.registry, issubclass(Lower, TextPlugin), Lower.name, Words.name)
