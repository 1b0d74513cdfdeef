class Employee:
    raise_pct = 3
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary
    def pay(self):
        return self.salary
    def give_raise(self):
        self.salary = self.salary * (100 + self.raise_pct) // 100
    def title(self):
        return "employee"
    def card(self):
        return "%-6s %-9s %6d" % (self.name, self.title(), self.pay())

class Manager(Employee):
    raise_pct = 10
    def __init__(self, name, salary, reports=()):
        super().__init__(name, salary)
        self.reports = list(reports)
    def pay(self):
        return super().pay() + 100 * len(self.reports)
    def title(self):
        return "manager"

class Intern(Employee):
    raise_pct = 0
    def pay(self):
        return min(super().pay(), 1500)
    def title(self):
        return "intern"

class Contractor:
    def __init__(self, name, rate, hours):
        self.name, self.rate, self.hours = name, rate, hours
    def pay(self):
        return self.rate * self.hours
    def card(self):
        return "%-6s %-9s %6d" % (self.name, "contract", self.pay())

ann = Employee("ann", 3000)
bob = Intern("bob", 2000)
cat = Manager("cat", 5000, [ann, bob])
dan = Contractor("dan", 50, 30)
staff = [ann, bob, cat, dan]
for s in staff:
    print(s.card())
print("total", sum(s.pay() for s in staff))
for s in staff:
    if isinstance(s, Employee):
        s.give_raise()
for s in staff:
    print(s.card())
print(sorted((s.name for s in staff), key=lambda n: -[x for x in staff if x.name == n][0].pay()))
print({type(s).__name__: hasattr(s, "give_raise") for s in staff})
