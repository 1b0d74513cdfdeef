msg = "line one\nline two"
raise ValueError(msg)
