excs = [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, IndexError, KeyError,
        ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError, TypeError, NameError, UnboundLocalError,
        AttributeError, RuntimeError, RecursionError, NotImplementedError, StopIteration, AssertionError,
        SystemExit, KeyboardInterrupt, GeneratorExit, OSError, ImportError, ModuleNotFoundError, SyntaxError, IndentationError, TabError, MemoryError, EOFError, FloatingPointError, TimeoutError, ConnectionError, FileNotFoundError, PermissionError]
for e in excs:
    print(e.__name__, [b.__name__ for b in excs if b is not e and issubclass(e, b)])
print(issubclass(KeyError, Exception), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError), isinstance(StopIteration(), Exception), isinstance(ZeroDivisionError(), ArithmeticError))
print(issubclass(bool, Exception), issubclass(ValueError, (TypeError, ArithmeticError)), issubclass(UnicodeDecodeError, ValueError))
print(EnvironmentError is OSError, IOError is OSError)
