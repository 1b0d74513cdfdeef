transactions = [
    ("2024-01-02", "deposit", 1000.00, "salary"),
    ("2024-01-03", "withdraw", 45.20, "groceries"),
    ("2024-01-05", "withdraw", 1200.00, "rent"),
    ("2024-01-06", "deposit", 250.00, "refund"),
    ("2024-01-07", "withdraw", 19.99, "subscription"),
    ("2024-01-09", "transfer", 100.00, "savings"),
    ("2024-01-10", "withdraw", -5.00, "bogus"),
]
balance = 0.0
history = []
rejected = []
categories = {}
for date, kind, amount, memo in transactions:
    try:
        if amount <= 0:
            raise ValueError(f"non-positive amount {amount}")
        if kind == "deposit":
            balance += amount
        elif kind == "withdraw":
            if amount > balance:
                raise ValueError(f"insufficient funds for {memo}: need {amount:.2f}, have {balance:.2f}")
            balance -= amount
            categories[memo] = categories.get(memo, 0) + amount
        else:
            raise KeyError(kind)
        history.append((date, kind, amount, round(balance, 2)))
    except ValueError as e:
        rejected.append((date, str(e)))
    except KeyError as e:
        rejected.append((date, f"unknown transaction type {e}"))
for h in history:
    print("{:<11}{:<9}{:>9.2f}{:>10.2f}".format(*h))
print("rejected:")
for d, why in rejected:
    print(" ", d, why)
print(f"final balance: {balance:.2f}")
print("spending:", {k: round(v, 2) for k, v in sorted(categories.items(), key=lambda kv: -kv[1])})
