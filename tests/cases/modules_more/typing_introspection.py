from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable, Literal,
                    Final, ClassVar, Annotated, Type, get_origin, get_args, TypeVar, Generic)
T = TypeVar("T")
print(List[int].__origin__ is list, List[int].__args__, List.__origin__ is list, Dict[str, int].__origin__)
print(Optional[int].__origin__, Optional[int].__args__, Union[int, str].__args__)
print(Callable[[int], str].__args__, Callable[..., str].__args__, Tuple[int, ...].__args__, Tuple[()].__args__)
print(Literal["a", 1].__args__, Literal["a"].__origin__, Final[int].__origin__, ClassVar[int].__origin__)
print(Annotated[int, "m"].__origin__, Annotated[int, "m", 2].__metadata__, Annotated[Annotated[int, 1], 2])
print(Type[int].__origin__, Set[int].__origin__, FrozenSet[int].__origin__, Tuple[int].__origin__)
print(List[int].__name__, Optional[int].__name__, Union[int, str].__name__, Union[int, None].__name__, List.__name__)
print(List[int].__module__, Any.__module__, List[int].__parameters__, List[T].__parameters__, Dict[str, T].__parameters__)
print(get_args(Callable[[int], str]), get_args(Callable[..., str]), get_args(Callable[[], None]))
for tp in [List[int], Dict[str, int], Optional[int], Literal[1, "a"],
           Annotated[int, 1, 2], Tuple[int, ...], Tuple[()], List, int, None, Any, Generic[T], Generic, Final[int]]:
    print(repr(tp), "->", get_origin(tp), get_args(tp))
print(Union[int, str] == Union[str, int], Union[int, str] == Union[int, str, int], List[int] == List[int])
print(List[int] == List[str], List == list, Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True])
print(Dict[str, int] == Dict[str, int], Optional[int] == Union[int, None], Annotated[int, 1] == Annotated[int, 1])
print(hash(List[int]) == hash(List[int]), hash(Union[int, str]) == hash(Union[str, int]))
d = {List[int]: "list of int", Optional[str]: "maybe str", Union[int, str]: "int or str"}
print(d[List[int]], d[Union[str, None]], d[Union[str, int]], len(d))
print(List.append, List[int].copy, Dict.fromkeys is not None)
print(bool(List[int]), bool(Any))
