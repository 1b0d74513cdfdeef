# Tracebacks show the lines code starts on, however the source around
# them looks: comments, blank lines, docstrings, indentation, a trailing
# comment, a call spread over lines.

def outer(values):
    """A docstring
    # that looks like a comment
    spread over lines."""
    # a comment inside the function

    total = 0
	# a tab-indented comment
    for v in values:   # trailing comments are shown
        total += inner(
            v,
            # a comment between arguments
            10,
        )
    return total


def inner(a, b):
    if a > 2:
        # the error comes from the next line
        return {"k": a}["missing"] + b  # and its comment
    return a + b


# before the call
print(outer([1, 2]))
print(outer(
    [1, 2, 3],
))
