print(repr("  \t x \n".strip(" ")), repr("--x--".strip("-x")), repr("abc".strip("")), repr("".strip("a")))
print(repr("ab ba".strip("ab")), repr("  a  ".lstrip()), repr("\u00a0x\u00a0".strip()), repr("\u200bx\u200b".strip()))
print(repr("path/to/dir/".rstrip("/")), repr("///".rstrip("/")), repr("0042".lstrip("0")), repr("0000".lstrip("0")))
print(repr("1.500".rstrip("0").rstrip(".")), repr("2.000".rstrip("0").rstrip(".")))
