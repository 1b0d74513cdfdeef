# CPython 3.11's position markers: ^ under the failing expression, ~ and ^
# for binary operations (^ at the operator) and subscripts (^ at the
# brackets), none when the expression is the whole line, multi-line calls
# marked to the end of their first line, non-ASCII text counted in
# characters.
def level3(d):
    return d["missing"] + 1

def level2(x):
    total = level3(x) * 2
    return total

def naïve(values):
    try:
        return values[0] // values[1]
    except ZeroDivisionError:
        return level2({"é": values[0]})

def level1():
    data = [1, 0]
    result = naïve(
        data)
    return result

level1()
