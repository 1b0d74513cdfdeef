class Abort(BaseException):
    pass
def task():
    try:
        raise Abort("stop now")
    except Exception:
        print("not reached")
print("start")
task()
