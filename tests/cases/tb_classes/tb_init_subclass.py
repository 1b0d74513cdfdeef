class Model:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if not hasattr(cls, "table"):
            raise TypeError("%s must define 'table'" % cls.__name__)
class User(Model):
    table = "users"
print(User.table)
class Broken(Model):
    pass
