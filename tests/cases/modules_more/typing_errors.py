from typing import (Any, Optional, Union, List, Dict, Callable, Literal, Final, ClassVar, Annotated, Type,
                    NoReturn, Hashable, Sized, Generator, Generic, Protocol, TypeVar, Tuple)
T = TypeVar("T")
attempts = [
    lambda: List[int, str], lambda: Dict[int], lambda: Optional[int, str], lambda: Union[()],
    lambda: Callable[[int]], lambda: Callable[int], lambda: Final[int, str], lambda: ClassVar[int, str],
    lambda: Annotated[int], lambda: Type[int, str], lambda: Any[int], lambda: NoReturn[int],
    lambda: Hashable[int], lambda: Sized[int], lambda: Generator[int], lambda: Generic[int],
    lambda: Protocol[int], lambda: Generic[()], lambda: Generic[T, T], lambda: List[Union],
    lambda: List[Optional], lambda: Dict[str, Literal], lambda: List[int][str], lambda: List[T][int, str],
    lambda: Union[[1]], lambda: List(), lambda: Dict(), lambda: List[int](), lambda: Tuple(), lambda: Any(),
    lambda: Union(), lambda: Optional(), lambda: Literal(), lambda: Type[int](),
    lambda: TypeVar("X", int), lambda: TypeVar("X", covariant=True, contravariant=True),
    lambda: TypeVar("X", int, str, bound=int), lambda: TypeVar(), lambda: TypeVar("X", foo=1),
    lambda: Union[int, str](), lambda: Optional[int](), lambda: Literal[1](),
]
for i, f in enumerate(attempts):
    try:
        print(i, "no error:", f())
    except (TypeError, ValueError, AttributeError) as e:
        print(i, type(e).__name__, e)
