print("about to fail")
raise RuntimeError
