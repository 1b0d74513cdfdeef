todo = ["write", "test", "ship"]
todo.remove("test")
print(todo)
todo.remove("test")
