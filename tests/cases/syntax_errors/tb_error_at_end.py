# An error found at the end of the file (a block never given) shows its
# line but no caret, as CPython running a file draws it.
try:
    pass
