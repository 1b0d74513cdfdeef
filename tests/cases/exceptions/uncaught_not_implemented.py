def todo():
    raise NotImplementedError("feature pending")
todo()
