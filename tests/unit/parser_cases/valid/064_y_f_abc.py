y = (f"abc"
     f"{x:>{w}}"
     "tail")