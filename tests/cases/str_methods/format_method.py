print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{0}{0}".format("ab"))
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"), "{:*^9}".format("mid"), "{:08.3f}".format(3.14159))
print("{0[0]} {0[1]} {1[k]}".format([7, 8], {"k": "v"}), "{.real}".format(5))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{{}} {{{0}}}".format(9))
print("{:,} {:_} {:x} {:o} {:b} {:#x} {:#o} {:#b}".format(10**6, 10**6, 255, 8, 5, 255, 8, 5))
print("{:e} {:.3e} {:%} {:.0%}".format(12345.678, 0.00012, 0.5, 0.125))
print("{:+d} {: d} {:-d} {:=+6d}".format(5, 5, -5, 5))
print("{0:{1}} | {0:>{1}}".format("ab", 6), "{:{}{}}".format(3.14159, ".", "2f") if False else "{:.{}f}".format(3.14159, 2))
print("{:c}".format(65), "{:d}".format(True), "{:n}".format(1234) if False else "", "{:s}".format("s"))
print("{:10}|{:<10}|{:>10}|".format(42, 42, "s"))
for fmt, args in [("{} {}", (1,)), ("{0} {}", (1, 2)), ("{:d}", ("x",)), ("{:s}", (5,)), ("{", ()), ("}", ()), ("{x}", ()), ("{:z}", (1,)), ("{0[5]}", ([1],))]:
    try:
        print(fmt.format(*args))
    except (IndexError, ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print("{a} {b}".format_map({"a": 1, "b": 2}))
