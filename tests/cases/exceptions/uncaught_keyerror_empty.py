print("x")
raise KeyError("")
