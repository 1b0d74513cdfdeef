from typing import Any, Optional, Union, List, Dict, Tuple, Set, Callable, Iterable, Iterator, Sequence, Mapping
def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]
def pairs(m: Mapping[str, int]) -> Iterator[Tuple[str, int]]:
    for k in sorted(m):
        yield k, m[k]
def head(s: Sequence[Any]) -> Optional[Any]:
    return s[0] if s else None
def norm(v: Union[int, str, None]) -> str:
    return "none" if v is None else str(v)
def uniq(xs: List[str]) -> Set[str]:
    return set(xs)
def index(words: List[str]) -> Dict[str, List[int]]:
    out: Dict[str, List[int]] = {}
    for i, w in enumerate(words):
        out.setdefault(w, []).append(i)
    return out
print(apply(lambda v: v * 3, range(4)))
print(list(pairs({"b": 2, "a": 1})))
print(head("xyz"), head([]), norm(4), norm("s"), norm(None))
print(sorted(uniq(["a", "b", "a"])), index("a b a c b a".split()))
print(list(apply.__annotations__), list(index.__annotations__))
x: Any = 5
x = "anything"
opt: Optional[int] = None
print(x, opt)
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], Union[int] is int)
print(Union[int, Union[str, float]] == Union[int, str, float], Optional[Optional[int]] == Optional[int])
print(List[int] == List[int], List[int] == List[str], Dict[str, int] != Dict[str, str])
print(isinstance([], List) if False else isinstance([], list))
try:
    isinstance(1, List[int])
except TypeError as e:
    print(type(e).__name__, e)
