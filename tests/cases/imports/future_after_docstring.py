"""Module docstring."""
from __future__ import annotations
from __future__ import annotations
def f(a: int) -> str:
    return str(a)
print(f(3), f.__annotations__)
print(__doc__)
