# krait-only expectation: sandbox escape attempts must fail
# Built-ins that reach the file system, the interpreter or the host are not
# defined in krait.
for name in ["open", "__import__", "eval", "exec", "compile", "breakpoint", "input", "help"]:
    try:
        obj = {"open": lambda: open, "__import__": lambda: __import__, "eval": lambda: eval,
               "exec": lambda: exec, "compile": lambda: compile, "breakpoint": lambda: breakpoint,
               "input": lambda: input, "help": lambda: help}[name]()
        print("LEAK", name)
    except NameError:
        print("blocked")
print("done")
