x: int = 5
y: list[int]
(z): int = 3
a.b: str = 'x'
a[0]: int