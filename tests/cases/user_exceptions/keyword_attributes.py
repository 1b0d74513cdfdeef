# name=, obj= and path= keywords of AttributeError, NameError and ImportError,
# also through subclasses and super().__init__; other exceptions take none.
for f in [lambda: AttributeError('x', foo=1), lambda: NameError('x', obj=1), lambda: ImportError('x', foo=1), lambda: ModuleNotFoundError('m', name='mm', path='p'), lambda: AttributeError(name='n'), lambda: NameError('x', name=5), lambda: ImportError(name='a', path='b'), lambda: ValueError(x=1), lambda: KeyError('k', name=1)]:
    try:
        e = f(); print(repr(e), e.args, getattr(e, 'name', '-'), getattr(e, 'obj', '-'), getattr(e, 'path', '-'), str(e))
    except Exception as ex: print(type(ex).__name__, ex)
class E(AttributeError):
    def __init__(self, m): super().__init__(m, name='nn')
print(E('q').name)
class F(AttributeError): pass
f = F('z', name='a', obj=3)
print(f.name, f.obj)
class G(Exception): pass
try: G(x=1)
except TypeError as e: print(e)
class NotFound(KeyError, AttributeError): pass
try:
    raise NotFound("x")
except AttributeError as e:
    print("caught", repr(e), str(e), e.name, e.obj, e.args)
e = AttributeError("boom", name="x", obj=[])
e.name = "y"
print(e.name)
