class User:
    def __init__(self, name, email, *, admin=False):
        self.name = name
        self.email = email
        self.admin = admin
u = User("ann", "a@x")
print(u.name, u.email, u.admin)
v = User("bob", "b@x", admin=True)
print(v.admin)
w = User("carl", admin=True)
print("unreachable")
