class Flusher:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        self.flush()
    def flush(self):
        raise OSError("disk full while flushing")
with Flusher():
    data = [1, 2, 3]
    data[10]
