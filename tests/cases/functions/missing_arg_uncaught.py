def greet(name, greeting):
    return f"{greeting}, {name}!"
print(greet("Ann", "Hi"))
print(greet("Bob"))
