class ConfigError(Exception):
    pass
class Config:
    def __init__(self, data=None, path="config"):
        object.__setattr__(self, "_data", dict(data or {}))
        object.__setattr__(self, "_path", path)
    def __getattr__(self, name):
        try:
            v = self._data[name]
        except KeyError:
            raise AttributeError(f"{self._path}.{name} is not set") from None
        if isinstance(v, dict):
            return Config(v, f"{self._path}.{name}")
        return v
    def __setattr__(self, name, value):
        raise ConfigError(f"{self._path} is read-only (tried to set {name})")
    def __getitem__(self, dotted):
        node = self
        for part in dotted.split("."):
            node = getattr(node, part)
        return node
    def get(self, dotted, default=None):
        try:
            return self[dotted]
        except AttributeError:
            return default
    def __contains__(self, dotted):
        return self.get(dotted, _MISSING) is not _MISSING
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
    def __eq__(self, other):
        return isinstance(other, Config) and self._data == other._data
    __hash__ = None
    def __repr__(self):
        return f"Config({self._path}: {sorted(self._data)})"
    def merged(self, override):
        def merge(a, b):
            out = dict(a)
            for k, v in b.items():
                if isinstance(v, dict) and isinstance(out.get(k), dict):
                    out[k] = merge(out[k], v)
                else:
                    out[k] = v
            return out
        return Config(merge(self._data, override), self._path)
    def flatten(self, prefix=""):
        for k, v in self._data.items():
            key = prefix + k
            if isinstance(v, dict):
                yield from Config(v).flatten(key + ".")
            else:
                yield key, v
_MISSING = object()
def parse_ini(text):
    data = {}
    current = data
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = data
            for part in line[1:-1].split("."):
                current = current.setdefault(part.strip(), {})
            continue
        if "=" not in line:
            raise ConfigError(f"line {n}: expected key = value, got {raw!r}")
        k, v = (s.strip() for s in line.split("=", 1))
        if v.lower() in ("true", "false"):
            v = v.lower() == "true"
        elif v.lstrip("-").isdigit():
            v = int(v)
        current[k] = v
    return data
text = """
name = demo   # app name
debug = false
[server]
host = 0.0.0.0
port = 8080
[server.tls]
enabled = true
[db]
url = sqlite://x
pool = 5
"""
cfg = Config(parse_ini(text))
print(cfg, cfg.name, cfg.debug, cfg.server.port, cfg.server.tls.enabled)
print(cfg["server.tls.enabled"], cfg.get("db.pool"), cfg.get("db.timeout", 30), "server.host" in cfg, "x.y" in cfg)
print(sorted(cfg), len(cfg.server), list(cfg.flatten()))
for bad in (lambda: cfg.server.missing, lambda: cfg["db.url.deeper"], lambda: setattr(cfg, "name", "x"),
            lambda: parse_ini("[a]\njunk line"), lambda: {cfg}):
    try:
        bad()
    except (AttributeError, ConfigError, TypeError) as e:
        print(type(e).__name__, e)
prod = cfg.merged({"debug": True, "server": {"port": 443, "tls": {"cert": "/c.pem"}}})
print(prod.debug, prod.server.port, prod.server.host, prod.server.tls.cert, prod.server.tls.enabled, cfg.server.port)
print(prod == cfg, cfg == Config(parse_ini(text)))
