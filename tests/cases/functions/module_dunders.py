print(__name__, __doc__, globals()["__name__"], "__doc__" in globals(), __name__ == "__main__")
g = globals()
print([k for k in g if k.startswith("__") and k in ("__name__", "__doc__")], g.get("__doc__", "missing"))
