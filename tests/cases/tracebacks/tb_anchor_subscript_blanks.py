# A subscript's ^ run goes from its "[" to its "]", blanks inside
# included, as CPython 3.11 draws it.
items = [1]
v = (items) [ 5 ]
