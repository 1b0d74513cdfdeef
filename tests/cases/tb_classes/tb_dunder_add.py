class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency
    def __add__(self, other):
        if self.currency != other.currency:
            raise ValueError("currency mismatch: %s vs %s" % (self.currency, other.currency))
        return Money(self.amount + other.amount, self.currency)
    def __repr__(self):
        return "%s %s" % (self.amount, self.currency)
print(Money(1, "EUR") + Money(2, "EUR"))
total = sum([Money(1, "EUR"), Money(2, "USD")], Money(0, "EUR"))
