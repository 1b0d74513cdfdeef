def make_getter(key):
    def getter(d):
        return d[key]
    return getter
get_name = make_getter("name")
print(get_name({"name": "x"}))
get_name({"id": 1})
