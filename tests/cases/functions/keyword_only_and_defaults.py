def request(url, *, method="GET", headers=None, timeout=10.0, retries=0):
    headers = dict(headers or {})
    headers.setdefault("accept", "*/*")
    return f"{method} {url} headers={sorted(headers.items())} timeout={timeout} retries={retries}"
print(request("/a"))
print(request("/b", method="POST", headers={"x": "1"}))
print(request("/c", retries=3, timeout=0.5))
opts = {"method": "PUT", "retries": 1}
print(request("/d", **opts))
try:
    request("/e", "GET")
except TypeError as e:
    print("TypeError", e)
try:
    request(url="/f", methd="GET")
except TypeError as e:
    print("TypeError", e)
def f(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw
print(f(0, c=3), f(0, 1, 2, 3, c=4, e=5), f(*[9], **{"c": 8, "b": 7}))
try:
    f()
except TypeError as e:
    print("TypeError", e)
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
