def load(cfg):
    try:
        return cfg["port"]
    except KeyError:
        return int(cfg["default_port"])
load({"default_port": "eighty"})
