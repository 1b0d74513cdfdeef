tags = {"a", "b"}
print(len(tags))
print(tags[0])
