class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount:.2f}, balance {account.balance:.2f}")
        self.shortfall = round(amount - account.balance, 2)
class AccountFrozen(BankError):
    pass
class InvalidAmount(BankError, ValueError):
    pass
class Account:
    _next_id = 1000
    kind = "basic"
    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = round(balance, 2)
        self.frozen = False
        self.transactions = []
    @property
    def balance(self):
        return self._balance
    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")
        if not isinstance(amount, (int, float)) or amount <= 0:
            raise InvalidAmount(f"invalid amount {amount!r}")
    def deposit(self, amount):
        self._check(amount)
        self._balance = round(self._balance + amount, 2)
        self.transactions.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        self._check(amount)
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self._balance = round(self._balance - amount, 2)
        self.transactions.append(("withdraw", amount))
        return self
    def available(self):
        return self._balance
    def month_end(self):
        pass
    def __repr__(self):
        return f"{type(self).__name__}(#{self.id} {self.owner} {self.balance:.2f})"
class Savings(Account):
    kind = "savings"
    rate = 0.02
    withdrawals_per_month = 2
    def __init__(self, owner, balance=0.0):
        super().__init__(owner, balance)
        self.withdrawals = 0
    def withdraw(self, amount):
        if self.withdrawals >= self.withdrawals_per_month:
            raise BankError(f"{self.owner}: withdrawal limit reached")
        super().withdraw(amount)
        self.withdrawals += 1
        return self
    def month_end(self):
        interest = round(self.balance * self.rate / 12, 2)
        if interest:
            self.deposit(interest)
        self.withdrawals = 0
class Checking(Account):
    kind = "checking"
    def __init__(self, owner, balance=0.0, overdraft=100.0):
        super().__init__(owner, balance)
        self.overdraft = overdraft
    def available(self):
        return self._balance + self.overdraft
    def month_end(self):
        if self.balance < 0:
            self._balance = round(self._balance - 15, 2)
            self.transactions.append(("fee", 15))
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *args, **kw):
        acct = cls(*args, **kw)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        src.withdraw(amount)
        try:
            dst.deposit(amount)
        except BankError:
            src.deposit(amount)
            raise
    def month_end(self):
        for a in self.accounts.values():
            a.month_end()
    def summary(self):
        by_kind = {}
        for a in self.accounts.values():
            by_kind.setdefault(a.kind, []).append(a.balance)
        return {k: round(sum(v), 2) for k, v in sorted(by_kind.items())}
bank = Bank()
alice = bank.open(Savings, "alice", 1200)
bob = bank.open(Checking, "bob", 50, overdraft=200)
carol = bank.open(Account, "carol")
ops = [
    lambda: alice.withdraw(100),
    lambda: alice.withdraw(50),
    lambda: alice.withdraw(10),
    lambda: bob.withdraw(220),
    lambda: bob.withdraw(40),
    lambda: carol.deposit(-5),
    lambda: carol.deposit("10"),
    lambda: bank.transfer(alice, carol, 500),
    lambda: bank.transfer(carol, bob, 100),
]
for i, op in enumerate(ops):
    try:
        op()
        print(i, "ok")
    except InsufficientFunds as e:
        print(i, "InsufficientFunds:", e, "shortfall", e.shortfall)
    except InvalidAmount as e:
        print(i, "InvalidAmount:", e, "| ValueError?", isinstance(e, ValueError))
    except BankError as e:
        print(i, type(e).__name__ + ":", e)
carol.frozen = True
try:
    bank.transfer(bob, carol, 1)
except AccountFrozen as e:
    print("AccountFrozen:", e)
print(alice, bob, carol)
bank.month_end()
print(alice, bob, carol)
print(bank.summary())
print(bob.transactions)
print(carol.transactions)
print(sorted(bank.accounts.values(), key=lambda a: a.balance))
