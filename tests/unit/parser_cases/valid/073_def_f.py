def f():
    return f"{self.name!r} at {self.pos}"