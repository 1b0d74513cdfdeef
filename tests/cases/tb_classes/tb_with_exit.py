class Transaction:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("begin", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("rollback" if exc_type else "commit", self.name)
        return False
with Transaction("t1"):
    print("work 1")
with Transaction("t2"):
    balance = {"a": 10}
    balance["b"] -= 5
