class Log:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("close", self.name, "error:", t.__name__ if t else None)
        return False
with Log("config") as cfg:
    settings = {"retries": "3"}
    retries = int(settings["retries"])
    print("retries", retries)
with Log("data"):
    values = [1, 2, 0]
    print([10 // v for v in values])
print("unreachable")
