class AppError(Exception):
    code = 1
class ConfigError(AppError):
    code = 2
class MissingKey(ConfigError, KeyError):
    code = 3
class NetworkError(AppError):
    code = 4
class Timeout(NetworkError, TimeoutError):
    code = 5

def raiser(kind):
    if kind == "missing":
        raise MissingKey("db.host")
    if kind == "timeout":
        raise Timeout("after 30s")
    if kind == "config":
        raise ConfigError("bad value")
    if kind == "net":
        raise NetworkError("refused")
    if kind == "key":
        raise KeyError("plain")
    return "ok"

for kind in ["missing", "timeout", "config", "net", "key", "none"]:
    try:
        r = raiser(kind)
        print(kind, "->", r)
    except KeyError as e:
        print(kind, "-> KeyError handler", type(e).__name__, e, getattr(e, "code", None))
    except NetworkError as e:
        print(kind, "-> NetworkError handler", type(e).__name__, e, e.code)
    except AppError as e:
        print(kind, "-> AppError handler", type(e).__name__, e, e.code)
print([k.__name__ for k in MissingKey.__mro__])
print([k.__name__ for k in Timeout.__mro__])
try:
    raiser("timeout")
except OSError as e:
    print("Timeout is an OSError:", isinstance(e, OSError), e.args)
try:
    raiser("missing")
except LookupError as e:
    print("LookupError got", repr(e), str(e))
errors = []
for kind in ["config", "net", "missing"]:
    try:
        raiser(kind)
    except AppError as e:
        errors.append(e)
print(sorted(e.code for e in errors), [type(e).__name__ for e in errors])
print(issubclass(Timeout, (ValueError, OSError)), issubclass(MissingKey, LookupError))
