class C:
    @property
    def x(self) -> int:
        return self._x

    @x.setter
    def x(self, v):
        self._x = v