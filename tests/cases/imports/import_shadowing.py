def sys():
    return "a function named sys"
print(sys())
import sys
print(type(sys).__name__)
sys = "rebound"
print(sys)
import sys as s2
print(type(s2).__name__)
from typing import List
List = list
print(List("ab"))
from typing import List
print(List[int])
def f():
    import typing
    typing = 5
    return typing
print(f())
class Holder:
    import sys
    from typing import Optional
print(type(Holder.sys).__name__, Holder.Optional[int])
