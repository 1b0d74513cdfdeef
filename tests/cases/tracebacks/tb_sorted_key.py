people = [{"name": "ann", "age": 30}, {"name": "bob"}]
def by_age(p):
    return p["age"]
print(sorted(people, key=by_age))
