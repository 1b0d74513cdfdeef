import typing
from typing import Union, Optional, List, Callable, Literal, Annotated, Tuple, Dict, TypeVar
T = TypeVar("T")
for x in [Union[int, str], Optional[int], List[int], Callable[[int], str], Literal[1, 2], Annotated[int, "m"],
          Tuple[int, str], Dict[str, int], List[T][int], list[int], int | None, Optional[List[int]]]:
    print(type(x).__name__, x)
for x in [typing.Any, typing.Union, typing.Optional, typing.List, typing.Callable, typing.Tuple, typing.Dict,
          typing.Literal, typing.ClassVar, typing.Iterable, typing.NoReturn, typing.Type]:
    print(type(x).__name__, x)
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], Callable[[int], str].__args__)
