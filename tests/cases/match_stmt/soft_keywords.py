match = "match is a normal name"
case = "case too"
print(match, case)
_ = "underscore is assignable"
print(_)
def match_fn(match, case=2):
    return match + case
print(match_fn(1), match_fn(match=3, case=4))
match = [1, 2]
match match:
    case [case, *_]:
        print("soft keywords as names inside match:", case)
class type_holder:
    match = "attr named match"
print(type_holder.match)
d = {"match": 1, "case": 2}
match d:
    case {"match": m, "case": c}:
        print(m, c)
match = print
match("call of name 'match' parsed as an expression statement")
match = lambda x: x * 2
print(match(21))
match [match(1)]:
    case [2]:
        print("match statement with list subject")
