x = "a\
b"