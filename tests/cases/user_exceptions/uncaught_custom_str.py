class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(status, body)
        self.status = status
        self.body = body
    def __str__(self):
        return "[%d] %s" % (self.status, self.body.get("error", "?"))
def call(status):
    if status >= 400:
        raise ApiError(status, {"error": "forbidden"})
    return "ok"
print(call(200))
call(403)
