doc = {
    "service": "api",
    "version": 3,
    "endpoints": [
        {"path": "/users", "methods": ["GET", "POST"], "auth": True, "limits": {"rpm": 600}},
        {"path": "/health", "methods": ["GET"], "auth": False},
        {"path": "/admin", "methods": ["GET", "DELETE"], "auth": True, "limits": {"rpm": 10, "burst": 2}},
    ],
    "owners": ("ops", "platform"),
    "beta": None,
}
def walk(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield_path = f"{path}.{k}" if path else k
            walk(v, yield_path)
    elif isinstance(node, (list, tuple)):
        for i, v in enumerate(node):
            walk(v, f"{path}[{i}]")
    else:
        leaves.append((path, node))
leaves = []
walk(doc)
for p, v in leaves:
    print(f"{p:<32} {type(v).__name__:<8} {v!r}")
def dumps(node, indent=0):
    pad = "  " * indent
    if isinstance(node, dict):
        if not node:
            return "{}"
        inner = ",\n".join(f'{pad}  "{k}": {dumps(v, indent + 1)}' for k, v in node.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(node, (list, tuple)):
        return "[" + ", ".join(dumps(v, indent + 1) for v in node) + "]"
    if node is None:
        return "null"
    if node is True or node is False:
        return "true" if node else "false"
    if isinstance(node, str):
        return '"' + node.replace('"', '\\"') + '"'
    return str(node)
print(dumps(doc))
auth = [e["path"] for e in doc["endpoints"] if e.get("auth")]
rpm = {e["path"]: e.get("limits", {}).get("rpm", "unlimited") for e in doc["endpoints"]}
print(auth, rpm)
