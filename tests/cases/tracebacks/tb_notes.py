# Exception notes print under the exception's last line: add_note() strings
# as they are (each ending a line), other items by str(), a str __notes__
# character by character, in every exception of a chain.
class Loud:
    def __str__(self):
        return "a note object"


class Broken:
    def __str__(self):
        raise KeyError("no")


first = ValueError("first")
first.add_note("line one\nline two")
first.add_note("")
first.__notes__.append(Loud())
first.__notes__.append(Broken())
try:
    raise first
except ValueError:
    second = KeyError("second")
    second.__notes__ = "ab"
    raise second
