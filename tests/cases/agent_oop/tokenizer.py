class Token:
    __slots__ = ("kind", "text", "line", "col")
    def __init__(self, kind, text, line, col):
        self.kind, self.text, self.line, self.col = kind, text, line, col
    def __repr__(self):
        return f"{self.kind}({self.text!r})@{self.line}:{self.col}"
    def __eq__(self, other):
        return (self.kind, self.text) == (other.kind, other.text)
class LexError(Exception):
    def __init__(self, msg, line, col):
        super().__init__(f"{msg} at line {line}, column {col}")
        self.line, self.col = line, col
class Lexer:
    KEYWORDS = {"let", "if", "else", "fn", "return", "while"}
    OPERATORS = ["==", "!=", "<=", ">=", "->", "&&", "||", "+", "-", "*", "/", "=", "<", ">", "(", ")", "{", "}", ",", ";", "!"]
    def __init__(self, src):
        self.src = src
        self.pos = 0
        self.line = 1
        self.col = 1
    def _peek(self, k=0):
        i = self.pos + k
        return self.src[i] if i < len(self.src) else ""
    def _advance(self, n=1):
        for _ in range(n):
            if self.src[self.pos] == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
            self.pos += 1
    def __iter__(self):
        return self.tokens()
    def tokens(self):
        while self.pos < len(self.src):
            c = self._peek()
            line, col = self.line, self.col
            if c in " \t\n":
                self._advance()
            elif c == "#":
                while self._peek() not in ("\n", ""):
                    self._advance()
            elif c.isdigit():
                start = self.pos
                while self._peek().isdigit() or (self._peek() == "." and self._peek(1).isdigit()):
                    self._advance()
                yield Token("NUM", self.src[start:self.pos], line, col)
            elif c.isalpha() or c == "_":
                start = self.pos
                while self._peek().isalnum() or self._peek() == "_":
                    self._advance()
                word = self.src[start:self.pos]
                yield Token("KW" if word in self.KEYWORDS else "ID", word, line, col)
            elif c == '"':
                self._advance()
                chars = []
                while True:
                    ch = self._peek()
                    if ch == "":
                        raise LexError("unterminated string", line, col)
                    if ch == '"':
                        self._advance()
                        break
                    if ch == "\\":
                        self._advance()
                        esc = self._peek()
                        chars.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(esc, esc))
                        self._advance()
                        continue
                    chars.append(ch)
                    self._advance()
                yield Token("STR", "".join(chars), line, col)
            else:
                for op in self.OPERATORS:
                    if self.src.startswith(op, self.pos):
                        self._advance(len(op))
                        yield Token("OP", op, line, col)
                        break
                else:
                    raise LexError(f"unexpected character {c!r}", line, col)
        yield Token("EOF", "", self.line, self.col)
src = '''let x = 42;
fn add(a, b) -> a + b   # comment
if x >= 10 && !done { print("big\\tnumber \\"quoted\\""); }
let pi = 3.14 * 2;
'''
toks = list(Lexer(src))
for t in toks:
    print(t)
kinds = {}
for t in toks:
    kinds[t.kind] = kinds.get(t.kind, 0) + 1
print(kinds)
print([t.text for t in toks if t.kind == "KW"])
print(Token("ID", "x", 0, 0) in toks, toks.index(Token("OP", "->", 0, 0)))
for bad in ['let s = "open', "x = 1 @ 2", "ok\n  $"]:
    try:
        list(Lexer(bad))
    except LexError as e:
        print(type(e).__name__, e, (e.line, e.col))
