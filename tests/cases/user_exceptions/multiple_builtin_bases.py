# Classes deriving from two built-in exceptions: CPython refuses only two
# bases with fields of their own (AttributeError and NameError, OSError and
# ImportError, ...); str() comes from the first base in the MRO that has one.
pairs = [(KeyError, AttributeError), (AttributeError, NameError), (ImportError, OSError), (KeyError, StopIteration),
         (UnicodeDecodeError, OSError), (ValueError, UnicodeDecodeError), (UnicodeError, KeyError), (SyntaxError, ValueError),
         (SyntaxError, OSError), (SystemExit, StopIteration), (StopAsyncIteration, StopIteration), (ModuleNotFoundError, KeyError),
         (IndentationError, NameError), (LookupError, TypeError), (TimeoutError, RuntimeError), (KeyboardInterrupt, ValueError),
         (UnicodeEncodeError, UnicodeDecodeError), (Exception, int), (KeyError, list),
         (UnboundLocalError, AttributeError), (RecursionError, NameError), (GeneratorExit, StopIteration)]
for a, b in pairs:
    try:
        class X(a, b): pass
        e = X("m")
        print(a.__name__, b.__name__, "ok", repr(str(e)), X.__mro__[1].__name__)
    except TypeError as ex:
        print(a.__name__, b.__name__, "TypeError", ex)
class NotFound(KeyError, AttributeError): pass
try:
    raise NotFound("x")
except AttributeError as e:
    print("caught", repr(e), e.name, e.obj, e.args)
class OSV(OSError, ValueError): pass
e = OSV(2, "No such file")
print(e.errno, e.strerror, str(e))
