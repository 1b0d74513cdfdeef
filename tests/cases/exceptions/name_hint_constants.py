# NameError's "Did you mean" also offers the built-in constants (true ->
# True, none -> None); `del` of an unknown name gets one too; a class body's
# own names are not offered (CPython looks at its code's local variables).
def t(src):
    pass


y = 1
for name in ["true", "false", "Flase", "none", "TRUE", "NotImplemeted", "__debug", "nul"]:
    try:
        exec_free = None
        globals()[name]
    except KeyError:
        pass
try:
    del yy
except NameError as e:
    print(e)


class A:
    x = 1
    try:
        print(xx)
    except NameError as e:
        print(e)


print(true)
