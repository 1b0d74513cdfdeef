import typing
print(repr(typing.Any | int), repr(typing.Any | None), type(typing.Any | int).__name__, repr(typing.Optional[typing.Any]), repr(typing.Union[int, typing.Any]))
print(repr(int | typing.List[int]), repr(int | typing.Any), repr(None | typing.Any), type(int | typing.Any).__name__)
print(isinstance(3, int | str), repr(int | str | typing.Any))
