print("{} and {}".format("only one"))
