class RetryableError(Exception):
    pass
class FatalError(Exception):
    pass
log = []
def step(n):
    if n % 3 == 0:
        raise FatalError("fatal at %d" % n)
    if n % 2 == 0:
        raise RetryableError("retry at %d" % n)
    return n
def handler(n):
    try:
        return step(n)
    except RetryableError as e:
        log.append("retry " + str(e))
        return -n
    except FatalError:
        log.append("fatal logged")
        raise
for n in range(1, 7):
    try:
        print(n, handler(n))
    except FatalError as e:
        print(n, "propagated:", e)
print(log)
def reraise_other():
    try:
        raise RetryableError("first")
    except RetryableError as e:
        err = e
    raise err
try:
    reraise_other()
except RetryableError as e:
    print("re-raised stored exception:", e)
def nested_bare():
    try:
        raise FatalError("outer")
    except FatalError:
        try:
            raise RetryableError("inner")
        except RetryableError:
            pass
        raise
try:
    nested_bare()
except Exception as e:
    print("bare raise after inner handled:", type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def finally_reraise():
    try:
        raise FatalError("in try")
    finally:
        print("finally runs")
try:
    finally_reraise()
except FatalError as e:
    print("after finally:", e)
def return_in_finally():
    try:
        raise FatalError("swallowed")
    finally:
        return "finally return wins"
print(return_in_finally())
def except_raises_new():
    try:
        raise RetryableError("original")
    except RetryableError as e:
        raise FatalError("replacement")
try:
    except_raises_new()
except FatalError as e:
    print(e, "context:", e.__context__)
e_name_cleanup = None
try:
    raise RetryableError("scoped")
except RetryableError as e_name_cleanup:
    pass
try:
    print(e_name_cleanup)
except NameError as ne:
    print(type(ne).__name__, ne)
