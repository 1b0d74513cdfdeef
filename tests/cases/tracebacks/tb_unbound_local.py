counter = 0
def increment():
    counter = counter + 1
    return counter
increment()
