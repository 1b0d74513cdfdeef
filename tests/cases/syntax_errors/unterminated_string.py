print("fine")
msg = "never closed
