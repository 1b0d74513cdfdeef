# A bare name in a case is a capture: CPython refuses cases after it.
RED = "red"

def describe(color):
    match color:
        case RED:
            return "red"
        case "blue":
            return "blue"

print(describe("blue"))
