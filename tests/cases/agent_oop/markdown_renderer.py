class Block:
    def render(self):
        raise NotImplementedError
class Heading(Block):
    def __init__(self, level, text):
        self.level, self.text = level, text
    def render(self):
        return f"<h{self.level}>{inline(self.text)}</h{self.level}>"
class Paragraph(Block):
    def __init__(self, lines):
        self.lines = lines
    def render(self):
        return "<p>" + inline(" ".join(self.lines)) + "</p>"
class ListBlock(Block):
    def __init__(self, ordered):
        self.ordered = ordered
        self.items = []
    def render(self):
        tag = "ol" if self.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{inline(i)}</li>" for i in self.items) + f"</{tag}>"
class Code(Block):
    def __init__(self, lang):
        self.lang, self.lines = lang, []
    def render(self):
        body = "\n".join(self.lines).replace("&", "&amp;").replace("<", "&lt;")
        cls = f' class="lang-{self.lang}"' if self.lang else ""
        return f"<pre><code{cls}>{body}</code></pre>"
def inline(text):
    out, i = [], 0
    while i < len(text):
        if text.startswith("**", i):
            j = text.find("**", i + 2)
            if j != -1:
                out.append("<b>" + text[i + 2:j] + "</b>")
                i = j + 2
                continue
        if text[i] == "`":
            j = text.find("`", i + 1)
            if j != -1:
                out.append("<code>" + text[i + 1:j] + "</code>")
                i = j + 1
                continue
        if text[i] == "[":
            j = text.find("](", i)
            k = text.find(")", j) if j != -1 else -1
            if j != -1 and k != -1:
                out.append(f'<a href="{text[j + 2:k]}">{text[i + 1:j]}</a>')
                i = k + 1
                continue
        out.append({"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(text[i], text[i]))
        i += 1
    return "".join(out)
class Parser:
    def __init__(self, src):
        self.lines = src.splitlines()
        self.blocks = []
    def parse(self):
        current = None
        for line in self.lines:
            stripped = line.strip()
            match current, stripped:
                case Code(), "```":
                    self.blocks.append(current)
                    current = None
                case Code(), _:
                    current.lines.append(line)
                case _, s if s.startswith("```"):
                    self._flush(current)
                    current = Code(s[3:].strip())
                case _, "":
                    self._flush(current)
                    current = None
                case _, s if s.startswith("#"):
                    self._flush(current)
                    current = None
                    level = len(s) - len(s.lstrip("#"))
                    self.blocks.append(Heading(min(level, 6), s[level:].strip()))
                case ListBlock(ordered=False), s if s[:2] in ("- ", "* "):
                    current.items.append(s[2:])
                case ListBlock(ordered=True), s if s.split(".", 1)[0].isdigit() and ". " in s:
                    current.items.append(s.split(". ", 1)[1])
                case _, s if s[:2] in ("- ", "* "):
                    self._flush(current)
                    current = ListBlock(False)
                    current.items.append(s[2:])
                case _, s if s.split(".", 1)[0].isdigit() and ". " in s:
                    self._flush(current)
                    current = ListBlock(True)
                    current.items.append(s.split(". ", 1)[1])
                case Paragraph(), s:
                    current.lines.append(s)
                case _, s:
                    self._flush(current)
                    current = Paragraph([s])
        self._flush(current)
        return self.blocks
    def _flush(self, block):
        if block is not None:
            self.blocks.append(block)
doc = """# Release **notes**
Version `2.0` brings
many <changes> & fixes.

## Highlights
- faster **parser**
- see [docs](http://x/docs)
* mixed bullet

1. install
2. run `tool --fix`
```python
if a < b and c:
    print("x")
```
Trailing paragraph
####### too deep
"""
blocks = Parser(doc).parse()
print([type(b).__name__ for b in blocks])
for b in blocks:
    print(b.render())
