class NotFound(Exception):
    pass
class Repo:
    def __init__(self):
        self.items = {"a": 1}
    def get(self, key):
        try:
            return self.items[key]
        except KeyError:
            raise NotFound(key) from None
r = Repo()
print(r.get("a"))
r.get("zzz")
