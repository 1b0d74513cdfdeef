items = [("apple", 3, 0.5), ("kiwi", 12, 0.25)]
for name, n, price in items:
    print(f"{name.upper():<8}{n:>4} @ {price:.2f} = {n * price:>6.2f}")
d = {"a": 1, "b": [1, 2]}
print(f"{d['a'] + 1} {d['b'][-1]} {len(d)} {sorted(d)} {d!r}")
print(f"{'nested {braces}'} {{}} {{{1}}} {'{'}{'}'}")
x = 10
print(f"{x:>{x}}|{x:^{x // 2}}|{x:.{2}f}")
print(f"{x if x > 5 else -x} {(lambda y: y * 2)(x)} {[i for i in range(3)]} {x!r:>5} {x=:>5}")
print(f"{'a' 'b'} {3 + 4j if False else 7} {x>5=}" if False else f"{'a' 'b'} {x>5=}")
name = "World"
greeting = f"Hello, {name}!"
print(greeting, len(greeting), f"{greeting!r}", f"{greeting[::-1]}")
print(f"{1}{2}{3}", f"{x}{x}" * 2, f"" == "", f"{''}x")
print(f"{3.0:g} {3.10:g} {1/7:.3%} {-1:03d} {255:#06x}")
print(f'{"quote"}', f"""{'triple'}""", f"{'''x'''}")
val = None
print(f"{val}", f"{val!r}", f"{val!s:>6}", f"{True!s}", f"{[None]}")
