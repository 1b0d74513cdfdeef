def validated(cls):
    for name in cls.required:
        if not hasattr(cls, name):
            raise AttributeError("%s lacks %s" % (cls.__name__, name))
    return cls
@validated
class Good:
    required = ("run",)
    def run(self):
        return "ran"
print(Good().run())
@validated
class Bad:
    required = ("run", "stop")
    def run(self):
        pass
