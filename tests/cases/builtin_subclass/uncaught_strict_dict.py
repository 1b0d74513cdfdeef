class Settings(dict):
    def __missing__(self, key):
        raise KeyError("missing setting %r (known: %s)" % (key, ", ".join(sorted(self))))
s = Settings(host="h", port=80)
print(s["host"], s["port"])
print(s.get("timeout", 30))
print(s["timeout"])
