class Animal:
    sound = "..."
    legs = 4
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def describe(self):
        return "%s (%s, %d legs)" % (self.name, type(self).__name__, self.legs)
    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self.name)

class Dog(Animal):
    sound = "woof"
class Bird(Animal):
    sound = "tweet"
    legs = 2
    def speak(self):
        return super().speak() + "!"
class Parrot(Bird):
    def __init__(self, name, phrase):
        super().__init__(name)
        self.phrase = phrase
    def speak(self):
        return super().speak() + " and '" + self.phrase + "'"

zoo = [Animal("thing"), Dog("rex"), Bird("tweety"), Parrot("polly", "hello")]
for a in zoo:
    print(a.speak())
    print(a.describe())
print(zoo)
print(Parrot.legs, Parrot.sound, Parrot.__bases__)
print(Parrot.speak is Bird.speak, Dog.speak is Animal.speak)
print("speak" in Dog.__dict__, "speak" in Bird.__dict__)
Animal.legs = 6
print(Dog("d").legs, Bird("b").legs)
Bird.sound = "chirp"
print(zoo[3].speak())
del Bird.legs
print(Parrot("p", "x").legs)
