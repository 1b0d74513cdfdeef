results = []
for item in ["1", "x"]:
    try:
        results.append(int(item))
    except ValueError:
        results.append(item / 2)
