from typing import (cast, overload, no_type_check, final, runtime_checkable, NewType, get_type_hints,
                    assert_never, reveal_type, List, Optional, Any, TYPE_CHECKING, Dict)
print(cast(int, "x"), cast("List[int]", [1]), cast(List[int], (1, 2)))
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2
print(f(2), f("ab"))
@overload
def g(x: int) -> int: ...
try:
    g(1)
except NotImplementedError as e:
    print(type(e).__name__, str(e)[:40])
@final
def h(x: int = 1) -> Optional[int]:
    return x
@no_type_check
def k(a: "int", b: Dict[str, Any]) -> None:
    pass
print(h(), k(1, {}))
print(get_type_hints(h), get_type_hints(k))
def plain(a, b=2):
    return a
print(get_type_hints(plain), get_type_hints(len))
UserId = NewType("UserId", int)
uid = UserId(5)
print(UserId, uid, type(uid).__name__, UserId.__name__, UserId.__supertype__)
try:
    assert_never(3)
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert_never("x" * 200)
except AssertionError as e:
    print(len(str(e)), str(e)[-10:])
print(reveal_type(42))
if TYPE_CHECKING:
    print("never")
else:
    print("runtime")
