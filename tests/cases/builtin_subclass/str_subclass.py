class Name(str):
    def shout(self):
        return self.upper() + "!"
    def __repr__(self):
        return "Name(" + super().__repr__() + ")"
n = Name("ada")
print(n, repr(n), n.shout(), len(n), n[0], n + "x", type(n + "x").__name__)
print(type(n.upper()).__name__, type(n[1:]).__name__, type(str(n)).__name__, type(f"{n}").__name__)
print(n == "ada", "ada" == n, hash(n) == hash("ada"), {n: 1}["ada"], n in ["ada"])
print(isinstance(n, str), n.startswith("a"), "d" in n, n * 2, "-".join([n, n]))
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper("hello")
print(u, type(u).__name__, u.lower(), Upper("x") + Upper("y"))
class Tagged(str):
    def __new__(cls, value, tag):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj
t = Tagged("body", "html")
print(t, t.tag, t.upper(), len(t))
try:
    t.upper().tag
except AttributeError as e:
    print(type(e).__name__, e)
class CaseInsensitive(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
ci = CaseInsensitive("Hello")
print(ci == "HELLO", "HELLO" == ci, ci != "bye", ci in {"hello": 1}, "hello" in {ci: 1})
class Path(str):
    def __truediv__(self, other):
        return Path(self.rstrip("/") + "/" + other)
p = Path("/usr") / "local" / "bin"
print(p, type(p).__name__)
print(sorted([Name("b"), "a", Name("c")]), max(Name("z"), "y"))
print("%s|%r" % (n, n), f"{n!r}|{n:>5}|", "{}".format(n))
print(str.__str__(n), str(Name("x")) == "x")
