def withdraw(balance, amount):
    if amount > balance:
        raise ValueError(f"insufficient funds: balance {balance}, requested {amount}")
    return balance - amount
b = withdraw(100, 30)
print(b)
b = withdraw(b, 500)
