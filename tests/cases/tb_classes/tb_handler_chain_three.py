class Loader:
    def load(self, name):
        try:
            return self.read(name)
        except FileNotFoundError as e:
            try:
                return self.default(name)
            except KeyError:
                raise RuntimeError("no default for " + name) from e
    def read(self, name):
        raise FileNotFoundError(name)
    def default(self, name):
        return {"a": 1}[name]
print(Loader().load("a"))
Loader().load("b")
