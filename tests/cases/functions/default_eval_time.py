counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def make(item, ident=next_id()):
    return item, ident
print(make("a"), make("b"), make("c", 99), counter)
def app(x, lst=[]):
    lst.append(x)
    return lst
print(app(1), app(2), app(3, []), app(4))
def safe(x, lst=None):
    if lst is None:
        lst = []
    lst.append(x)
    return lst
print(safe(1), safe(2))
base = 10
def uses(x=base):
    return x
base = 20
print(uses(), base)
