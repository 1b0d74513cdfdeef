class Walker:
    speed = 5
    def move(self):
        return "walk at %d" % self.speed
    def describe(self):
        return "walker"
class Swimmer:
    speed = 2
    depth = 10
    def move(self):
        return "swim at %d" % self.speed
    def dive(self):
        return "dive to %d" % self.depth
class Flyer:
    altitude = 100
    def move(self):
        return "fly"
class Duck(Walker, Swimmer, Flyer):
    pass
class Penguin(Swimmer, Walker):
    speed = 3
class Seaplane(Flyer, Swimmer):
    def move(self):
        return " & ".join(k.move(self) for k in (Flyer, Swimmer))
d, p, s = Duck(), Penguin(), Seaplane()
print(d.move(), d.dive(), d.altitude, d.speed, d.describe())
print(p.move(), p.describe(), p.dive())
print(s.move())
print([k.__name__ for k in Duck.__mro__])
print(Walker.move(p), Swimmer.move(d))
Swimmer.depth = 50
print(d.dive(), p.dive())
Duck.speed = 1
print(d.move(), Walker().move())
