class Reader:
    pass
class Writer:
    pass
class ReadWriter(Reader, Writer):
    pass
class WriteReader(Writer, Reader):
    pass
print("defined", ReadWriter.__name__, WriteReader.__name__)
class Confused(ReadWriter, WriteReader):
    pass
print("never")
