class Command:
    def do(self, doc):
        raise NotImplementedError
    def undo(self, doc):
        raise NotImplementedError
    def __repr__(self):
        return type(self).__name__ + repr(tuple(v for k, v in vars(self).items() if not k.startswith("_")))
class Insert(Command):
    def __init__(self, pos, text):
        self.pos, self.text = pos, text
    def do(self, doc):
        doc.text = doc.text[:self.pos] + self.text + doc.text[self.pos:]
    def undo(self, doc):
        doc.text = doc.text[:self.pos] + doc.text[self.pos + len(self.text):]
class Delete(Command):
    def __init__(self, pos, length):
        self.pos, self.length = pos, length
        self._removed = None
    def do(self, doc):
        if self.pos + self.length > len(doc.text):
            raise IndexError(f"delete past end: {self.pos}+{self.length} > {len(doc.text)}")
        self._removed = doc.text[self.pos:self.pos + self.length]
        doc.text = doc.text[:self.pos] + doc.text[self.pos + self.length:]
    def undo(self, doc):
        doc.text = doc.text[:self.pos] + self._removed + doc.text[self.pos:]
class Replace(Command):
    def __init__(self, old, new):
        self.old, self.new = old, new
        self._before = None
    def do(self, doc):
        self._before = doc.text
        doc.text = doc.text.replace(self.old, self.new)
    def undo(self, doc):
        doc.text = self._before
class Macro(Command):
    def __init__(self, *cmds):
        self.cmds = list(cmds)
    def do(self, doc):
        done = []
        try:
            for c in self.cmds:
                c.do(doc)
                done.append(c)
        except Exception:
            for c in reversed(done):
                c.undo(doc)
            raise
    def undo(self, doc):
        for c in reversed(self.cmds):
            c.undo(doc)
class Document:
    def __init__(self, text=""):
        self.text = text
        self._undo, self._redo = [], []
    def execute(self, cmd):
        cmd.do(self)
        self._undo.append(cmd)
        self._redo.clear()
        return self
    def undo(self):
        if not self._undo:
            return False
        cmd = self._undo.pop()
        cmd.undo(self)
        self._redo.append(cmd)
        return True
    def redo(self):
        if not self._redo:
            return False
        cmd = self._redo.pop()
        cmd.do(self)
        self._undo.append(cmd)
        return True
d = Document("hello world")
d.execute(Insert(5, ",")).execute(Replace("world", "there")).execute(Delete(0, 1)).execute(Insert(0, "J"))
print(repr(d.text), d._undo)
states = []
while d.undo():
    states.append(d.text)
print(states)
print(d.redo(), d.redo(), repr(d.text))
d.execute(Insert(len(d.text), "!"))
print(repr(d.text), d.redo())
try:
    d.execute(Macro(Insert(0, ">> "), Delete(0, 100)))
except IndexError as e:
    print(type(e).__name__, e, "| text unchanged:", repr(d.text))
d.execute(Macro(Insert(0, "["), Insert(len(d.text) + 1, "]")))
print(repr(d.text))
d.undo()
print(repr(d.text), len(d._undo), len(d._redo))
