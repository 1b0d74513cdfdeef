import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable, Iterator,
                    Generator, Sequence, Mapping, MutableMapping, Literal, Final, ClassVar, Annotated, Type,
                    NoReturn, Deque, DefaultDict, Counter, Awaitable, Coroutine, AsyncIterator, Hashable)
cases = [
    Any, List, Optional, Union, Callable, Tuple, Literal, Final, NoReturn, Iterable, Hashable,
    List[int], Optional[int], Dict[str, List[int]], Union[int, str], Union[int, None], Union[None, int],
    Union[int, str, None], Optional[Union[int, str]], Union[int, Union[str, float]], Union[int, int],
    Union[int], Callable[[int], str], Callable[..., int], Callable[[], None], Callable[[int, str], Dict[str, int]],
    Tuple[int, ...], Tuple[()], Tuple[int, str], Tuple[int], Literal["a", 1], Literal[None], Literal[True, 1],
    Literal[1, 1, 2], List[None], Type[int], Type[Any], Final[int], ClassVar[int], Annotated[int, "meta", 3],
    Iterable[int], Iterator[str], Generator[int, None, None], Sequence[str], Mapping[str, int],
    MutableMapping[str, Any], Set[int], FrozenSet[str], Dict[str, Any], Optional[List[Dict[str, Any]]],
    List[list], List["Foo"], Union["A", int], Deque[int], DefaultDict[str, int], Counter[str],
    Awaitable[int], Coroutine[Any, Any, int], AsyncIterator[int], Optional[Optional[int]],
    Union[int, Any], Optional[Callable[..., Any]], Dict[Tuple[int, int], List[Optional[str]]],
    typing.Pattern[str], typing.Match[str], typing.IO[str], typing.Required[int], typing.NotRequired[str],
    typing.TypeGuard[int], typing.Generic, typing.Protocol, typing.Annotated,
]
for c in cases:
    print(repr(c))
print(str(List[int]), f"{Dict[str, int]}", [Optional[str]])
print(typing.Text, typing.TYPE_CHECKING, typing.AnyStr)
