# NameError's "Did you mean" also offers the built-in constants.
flag = true
