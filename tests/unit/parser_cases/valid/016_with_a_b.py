with (a, b):
    pass