# krait-only expectation: sandbox escape attempts must fail
# Only the modules krait ships can be imported; everything that reaches the
# OS must fail with an ImportError (ModuleNotFoundError).
def attempt_import(name):
    try:
        exec_import(name)
        print("LEAK", name)
    except ImportError:
        print("blocked")
def exec_import(name):
    if name == "os":
        import os
    elif name == "subprocess":
        import subprocess
    elif name == "builtins":
        import builtins
    elif name == "importlib":
        import importlib
    elif name == "ctypes":
        import ctypes
    elif name == "socket":
        import socket
    elif name == "gc":
        import gc
    elif name == "os.path":
        import os.path
    elif name == "from os":
        from os import system
for name in ["os", "subprocess", "builtins", "importlib", "ctypes", "socket", "gc", "os.path", "from os"]:
    attempt_import(name)
print("done")
