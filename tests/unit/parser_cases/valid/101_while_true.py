while True:
    x += 1
    if x > 10: break