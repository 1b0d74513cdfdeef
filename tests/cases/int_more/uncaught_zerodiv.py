# An uncaught integer ZeroDivisionError ends the run.
total = 0
for i in range(5, -1, -1):
    total += 100 // i
    print(total)
