def route(request):
    match request:
        case {"path": path, "method": "GET"} if path.startswith("/api"):
            return "api get"
        case {"path": path}:
            return "other " + path
route_table = [{"path": "/api/x", "method": "GET"}, {"path": "/home"}]
print([route(r) for r in route_table])
route({"path": None, "method": "GET"})
