print("x\u20acy".encode("utf-8"))
"x\u20acy\u20ac".encode("latin-1")
