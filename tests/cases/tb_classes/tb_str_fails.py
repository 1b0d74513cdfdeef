class BrokenMessage(Exception):
    def __str__(self):
        return self.missing_attribute
def work():
    raise BrokenMessage("payload")
try:
    work()
except BrokenMessage as e:
    print("caught", type(e).__name__, repr(e))
work()
