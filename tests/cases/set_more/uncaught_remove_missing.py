tags = set(["a", "b"])
tags.remove("a")
tags.remove("c")
