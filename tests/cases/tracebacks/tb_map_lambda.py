words = ["1", "2", "three"]
nums = list(map(lambda w: int(w), words))
