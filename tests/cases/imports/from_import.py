from typing import List, Optional
from typing import (
    Dict,
    Tuple,
    Union,
)
from sys import maxsize as MAX, getrecursionlimit
from typing import cast as typing_cast, Any
print(MAX == 2 ** 63 - 1, getrecursionlimit() > 0)
print(typing_cast(str, 5))
def f(a: List[int], b: Optional[Dict[str, Tuple[int, ...]]] = None) -> Union[int, str]:
    return sum(a) if b is None else str(len(b))
print(f([1, 2, 3]), f([], {"k": (1, 2)}))
print(sorted(f.__annotations__))
def local_from():
    from typing import Set
    s: Set[int] = {3, 1}
    return sorted(s)
print(local_from())
try:
    Set
except NameError as e:
    print(type(e).__name__, e)
import sys
from sys import stdout
print(stdout is sys.stdout)
stdout.write("via imported stdout\n")
