# CPython's binary-operator anchor moves past the left operand's ")" (a
# parenthesised operand): the ^ sits under the operator.
x = 1
v = ((x)) + ("a")
