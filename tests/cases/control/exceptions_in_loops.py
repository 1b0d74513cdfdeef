raw = ["1", "2", "x", "4", None, "6"]
good, bad = [], []
for r in raw:
    try:
        good.append(int(r))
    except ValueError:
        bad.append(r)
        continue
    except TypeError as e:
        bad.append(str(e))
        break
    finally:
        print("processed", r)
print(good, bad)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)
