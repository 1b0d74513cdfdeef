while x:
    break
else:
    continue