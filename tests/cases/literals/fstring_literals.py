x = 5
name = "krait"
print(f"x={x}", f'{name}', F"{x+1}", f"{{literal}}", f"{x}{x}")
print(f"{'nested'}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(rf"raw\n{x}", fr'{x}\t')
print(f"{x=}", f"{x = }", f"{name=!s}", f"{x*2=}")
print(f"{x:5}|", f"{x:<5}|", f"{x:^5}|", f"{x:>5}|", f"{x:05}")
print(f"{3.14159:.2f}", f"{1234567:,}", f"{255:x}", f"{255:#X}", f"{5:b}")
print(f"""{x}
{name}""")
w = 8
p = 3
print(f"{3.14159:{w}.{p}f}|")
print(f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{(lambda: 7)()}")
print(f"a" f"b{x}" "c")
print(f"{x if x > 3 else 0}", f"{'yes' if not x else 'no'}")
d = {'key': 'val'}
print(f"{d['key']}", f'{d["key"]}')
print(f"{x!r:>4}", f"{name!r:^10}")
print(f"{''}", f"{x:}", len(f""))
