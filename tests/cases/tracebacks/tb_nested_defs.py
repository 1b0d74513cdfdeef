def outer():
    def middle():
        def inner():
            return undefined_name
        return inner()
    return middle()
outer()
