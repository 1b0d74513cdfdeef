@functools.lru_cache(maxsize=None)
@staticmethod
def f(): pass