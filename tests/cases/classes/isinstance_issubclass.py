class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
class Puppy(Dog): pass
class Rock: pass

p = Puppy()
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object))
print(isinstance(p, Cat), isinstance(p, Rock))
print(isinstance(p, (Cat, Rock)), isinstance(p, (Cat, Dog)))
print(isinstance(p, (Rock, (Cat, (Dog,)))))
print(isinstance(p, ()))
print(issubclass(Puppy, Animal), issubclass(Puppy, (Cat, Rock)), issubclass(Dog, Dog))
print(issubclass(Animal, Dog), issubclass(Rock, object), issubclass(object, Rock))
print(issubclass(bool, int), issubclass(int, bool), isinstance(True, int))
print(isinstance(1, (str, float)), isinstance(1.0, (str, float)))
print(isinstance(Dog, type), isinstance(type, type), isinstance(type, object))
print(issubclass(type, object), issubclass(Dog, (object,)))
print(isinstance(None, type(None)), isinstance([], (list, tuple)))
print(isinstance(p, int | Dog), issubclass(Cat, Dog | Cat))
for bad in [(p, 3), (p, "Dog"), (p, (Dog, 3))]:
    try:
        isinstance(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
for bad in [(p, Dog), (3, int), (Dog, 3), (Dog, (Animal, "x"))]:
    try:
        print(issubclass(*bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    isinstance(p)
except TypeError as e:
    print(type(e).__name__, e)
classes = [Animal, Dog, Cat, Puppy, Rock]
objs = [Animal(), Dog(), Cat(), Puppy(), Rock()]
for o in objs:
    print(type(o).__name__, [k.__name__ for k in classes if isinstance(o, k)])
for k in classes:
    print(k.__name__, [j.__name__ for j in classes if issubclass(k, j)])
