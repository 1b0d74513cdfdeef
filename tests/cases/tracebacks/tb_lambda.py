transform = lambda v: v.upper()
values = ["a", "b", 3]
result = [transform(v) for v in values]
