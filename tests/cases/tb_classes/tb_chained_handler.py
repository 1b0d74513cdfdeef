class Cache:
    def __init__(self):
        self.data = {}
    def get(self, key):
        try:
            return self.data[key]
        except KeyError:
            return self.fallback(key)
    def fallback(self, key):
        return key.upper()
c = Cache()
print(c.get("abc"))
c.get(42)
