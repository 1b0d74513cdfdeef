class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need %d, have %d" % (needed, available))
        self.needed = needed
        self.available = available
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance
a = Account(100)
print(a.withdraw(30))
print(a.withdraw(50))
print(a.withdraw(50))
