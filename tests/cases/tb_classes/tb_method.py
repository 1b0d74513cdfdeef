class Parser:
    def __init__(self, text):
        self.text = text
    def numbers(self):
        return [self.parse_one(tok) for tok in self.text.split(",")]
    def parse_one(self, tok):
        return int(tok.strip())
p = Parser("1, 2, 3")
print(p.numbers())
Parser("4, five").numbers()
