import typing
from typing import List, Optional, Dict, Any
print(type(typing).__name__, typing.__name__)
def first(items: List[int]) -> Optional[int]:
    return items[0] if items else None
def merge(a: Dict[str, Any], b: Dict[str, Any]) -> Dict[str, Any]:
    return {**a, **b}
print(first([4, 5]), first([]), merge({"a": 1}, {"b": 2}))
print(typing.TYPE_CHECKING, typing.cast(int, "not converted"))
print(List is typing.List, Optional is typing.Optional)
print(sorted(first.__annotations__), first.__annotations__["return"] == Optional[int])
x: typing.Dict[str, int] = {}
print(x, __annotations__["x"] == Dict[str, int])
if typing.TYPE_CHECKING:
    import nosuch_module_only_for_type_checking
print("TYPE_CHECKING guard skipped the import")
