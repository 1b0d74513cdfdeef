from typing import cast, TYPE_CHECKING, overload, Union, List, Any, Final, ClassVar, Annotated, Literal
print(TYPE_CHECKING, type(TYPE_CHECKING).__name__)
v = cast(int, "still a string")
print(v, type(v).__name__)
print(cast("List[int]", [1]), cast(List[int], (1,)))
@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> str: ...
def parse(x: Union[int, str]) -> Union[int, str]:
    return x * 2
print(parse(2), parse("ab"))
try:
    @overload
    def only_overload(x: int) -> int: ...
    only_overload(1)
except NotImplementedError as e:
    print(type(e).__name__, "raised by a bare @overload function")
MAX: Final = 10
MIN: Final[int] = 0
print(MAX, MIN, __annotations__["MIN"])
class Config:
    instances: ClassVar[int] = 0
    name: str
    level: Annotated[int, "range 0-5"] = 3
    mode: Literal["fast", "slow"] = "fast"
    def __init__(self, name: str):
        Config.instances += 1
        self.name = name
c = Config("x")
print(Config.instances, c.level, c.mode, list(Config.__annotations__))
if TYPE_CHECKING:
    from typing import Protocol
    print("never")
else:
    print("runtime branch")
def f(x: "Any") -> "int":
    return 1
print(f.__annotations__)
