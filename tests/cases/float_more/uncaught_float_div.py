# An uncaught float ZeroDivisionError ends the run.
values = [4.0, 2.0, 0.0, 1.0]
for v in values:
    print(1.0 / v)
