def = "x"
