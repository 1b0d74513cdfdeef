class Locked(Exception):
    pass
class Resource:
    def __init__(self, name, locked=False):
        self.name = name
        self.locked = locked
    def __enter__(self):
        if self.locked:
            raise Locked(self.name + " is locked")
        return self
    def __exit__(self, *exc):
        print("released", self.name)
with Resource("a") as a:
    print("using", a.name)
with Resource("b"), Resource("c", locked=True):
    print("never")
