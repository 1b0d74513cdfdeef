class Shutdown(BaseException):
    pass
class Cancelled(BaseException):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason
def worker(exc):
    try:
        raise exc
    except Exception as e:
        return "Exception handler: " + type(e).__name__
for exc in (ValueError("v"), Shutdown("s"), Cancelled("c")):
    try:
        print(worker(exc))
    except BaseException as e:
        print("escaped to BaseException handler:", type(e).__name__, e)
print(issubclass(Shutdown, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
try:
    try:
        raise Shutdown("x")
    except:
        print("bare except catches BaseException too")
        raise
except Shutdown as e:
    print("then re-raised", e)
try:
    raise Cancelled("timeout")
except (ValueError, Cancelled) as e:
    print(e.reason)
