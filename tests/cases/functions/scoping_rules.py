x = "global"
def show():
    return x
def local_shadow():
    x = "local"
    return x, show()
print(local_shadow())
def comp_scope():
    y = 5
    return [y * i for i in range(3)]
print(comp_scope())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def loop_var_none():
    for j in []:
        pass
    try:
        return j
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(loop_var_none())
def del_local():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(del_local())
try:
    print(undefined_name)
except NameError as e:
    print("NameError", e)
def uses_later():
    return later_defined()
def later_defined():
    return "found at call time"
print(uses_later())
