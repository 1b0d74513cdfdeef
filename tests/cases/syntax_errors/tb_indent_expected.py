# An IndentationError draws one caret, at the start of the unindented
# line, whatever the extent CPython records.
if True:
pass
