class DomainError(Exception):
    status = 500
    def to_response(self):
        return {"status": self.status, "error": type(self).__name__, "detail": str(self)}
class NotFoundError(DomainError):
    status = 404
class ConflictError(DomainError):
    status = 409
class BadRequest(DomainError):
    status = 400
USERS = {"ann": {"age": 30}}
def get_user(name):
    try:
        return USERS[name]
    except KeyError:
        raise NotFoundError("user %r not found" % name) from None
def create_user(name, age):
    if name in USERS:
        raise ConflictError("user %r exists" % name)
    try:
        age = int(age)
    except (TypeError, ValueError) as e:
        raise BadRequest("bad age: " + str(e)) from e
    USERS[name] = {"age": age}
    return USERS[name]
def handle(fn, *args):
    try:
        return {"status": 200, "body": fn(*args)}
    except DomainError as e:
        return e.to_response()
    except Exception as e:
        return {"status": 500, "error": "internal", "detail": repr(e)}
requests = [(get_user, "ann"), (get_user, "bob"), (create_user, "ann", 1), (create_user, "bob", "x"),
            (create_user, "bob", None), (create_user, "bob", "41"), (get_user, "bob"), (get_user, None),
            (create_user, [], 3)]
for req in requests:
    print(handle(*req))
