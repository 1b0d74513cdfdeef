# Argument errors of built-ins as CPython's argument clinic words them:
# positional-only counts first, then keywords, then what is missing, then
# an unknown keyword ('zz' is an invalid keyword argument for f()).
import asyncio
def t(s, f):
    try: f(); print(s, "OK")
    except TypeError as x: print(s, "->", x)
t('sum([1], zz=1)', lambda: sum([1], zz=1))
t('pow(2, 3, zz=1)', lambda: pow(2, 3, zz=1))
t('(1).to_bytes(zz=1)', lambda: (1).to_bytes(zz=1))
t('int.from_bytes(zz=1)', lambda: int.from_bytes(zz=1))
t('"a".split(zz=1)', lambda: "a".split(zz=1))
t('round(1, zz=1)', lambda: round(1, zz=1))
t('"a".encode(zz=1)', lambda: "a".encode(zz=1))
t('divmod(1, 2, zz=1)', lambda: divmod(1, 2, zz=1))
t('sum(iterable=[1])', lambda: sum(iterable=[1]))
t('sum()', lambda: sum())
t('pow()', lambda: pow())
t('pow(base=2)', lambda: pow(base=2))
t('"a".split(1, 2, 3)', lambda: "a".split(1, 2, 3))
t('int.from_bytes()', lambda: int.from_bytes())
t("s", lambda: "abc".split(sep=",", zz=1)); t("e", lambda: "x".encode(encoding="utf-8", errors="strict", zz=2))
t("f", lambda: asyncio.Future().add_done_callback())
t("sorted", lambda: sorted([1], zz=1)); t("int", lambda: int("1", zz=2)); t("str", lambda: str(b"a", zz=1))
t("round", lambda: round(number=1.5)); t("enumerate", lambda: enumerate([], zz=1)); t("range", lambda: range(zz=1))
t("dict.get", lambda: {}.get()); t("list.index", lambda: [].index()); t("bytes", lambda: bytes(zz=1))
t("pow", lambda: pow(2, exp=3)); t("pow2", lambda: pow(2, 3, mod=None, zz=1))
