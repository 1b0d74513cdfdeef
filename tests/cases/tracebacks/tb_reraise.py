def risky():
    return [1, 2, 3][5]
def wrapper():
    try:
        risky()
    except IndexError:
        print("logging the error")
        raise
wrapper()
