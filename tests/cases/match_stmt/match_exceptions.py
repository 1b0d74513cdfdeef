class AppError(Exception):
    __match_args__ = ("code", "msg")
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code, self.msg = code, msg
def classify(exc):
    match exc:
        case AppError(404, msg):
            return "not found: " + msg
        case AppError(code, _) if 500 <= code < 600:
            return "server error %d" % code
        case AppError(code=c):
            return "app error %d" % c
        case KeyError(args=(key,)):
            return "missing key %r" % (key,)
        case ValueError() | TypeError() as e:
            return "bad value/type: %s" % e
        case OSError(errno=None):
            return "os error without errno"
        case Exception(args=()):
            return "%s with no args" % type(exc).__name__
        case _:
            return "unclassified " + type(exc).__name__
def run(fn):
    try:
        fn()
    except Exception as e:
        return classify(e)
    return "no error"
tests = [lambda: (_ for _ in ()).throw(AppError(404, "page")), lambda: {}["k"], lambda: int("z"),
         lambda: None + 1, lambda: (_ for _ in ()).throw(AppError(503, "down")),
         lambda: (_ for _ in ()).throw(AppError(418, "teapot")), lambda: (_ for _ in ()).throw(OSError("plain")),
         lambda: (_ for _ in ()).throw(RuntimeError()), lambda: [][1], lambda: 1]
for t in tests:
    print(run(t))
