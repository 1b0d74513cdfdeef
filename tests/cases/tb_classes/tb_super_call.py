class Base:
    def process(self, items):
        return [self.transform(i) for i in items]
    def transform(self, item):
        return item.strip()
class Upper(Base):
    def process(self, items):
        return super().process(items)
    def transform(self, item):
        return super().transform(item).upper()
print(Upper().process([" a ", "b "]))
Upper().process(["ok", None])
