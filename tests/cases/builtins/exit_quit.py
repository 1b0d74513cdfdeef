# exit() and quit() raise SystemExit(code), catchable, as in CPython scripts.
for f in (exit, quit):
    try:
        f(5)
    except SystemExit as e:
        print("caught", e.code, e.args)
try:
    exit()
except SystemExit as e:
    print("no code:", e.code)
try:
    quit(1, 2)
except TypeError as e:
    print(e)
print("done")
exit(3)
print("never")
