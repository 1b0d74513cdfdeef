# str.format / format_map: numbering, attribute and index access, conversions, nested specs, errors.
print("{} {}".format(1, "a"), "{0} {0} {1}".format("x", "y"), "{1}{0}".format("a", "b"), "{00}{01}".format(5, 6))
print("{a}-{b}".format(a="é", b=1.5), "{0[0]}{0[1]}".format("xy"), "{0[k]}".format({"k": "v"}), "{[0]}".format([5]))
print("{0[-1]}".format({"-1": "neg"}), "{0[1a]}".format({"1a": "x"}), "{0[ 0]}".format({" 0": 1}), "{0[0][1]}".format([[1, 2]]))
print("{0[}]}".format({"}": 1}), "{0[a:b]}".format({"a:b": 2}), "{0[a!b]}".format({"a!b": 3}), "{0[{]}".format({"{": 4}))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{!r:>6}|".format(1), "{0!r:^{1}}".format("a", 7), "{0!r:}".format("x"))
print("{:>10}|{:<10}|{:^10}|{:*^9}|".format("ab", "ab", "ab", "ab"), "{:.2}|{:5.1}|".format("abc", "xyz"))
print("{:é^7}|{:😀<4}|".format("x", "y"), "{:{}}|".format("a", 5), "{:{}{}}".format(1.5, ">", 8), "{0:{a}}|".format(1, a=5))
print("{{}} {{{}}} {{{{}}}}".format(1), "x{}y{}z".format("é€", 3), "{}".format(None), "{}".format(b"a"), "{}".format([1, "a"]))
print("{:d} {:5}| {:x} {:#b} {:,} {:_}".format(True, True, 255, 5, 1234567, 10**6), "{:c}{:c}".format(97, 233))
print("{:f} {:.3e} {:%} {:g}".format(2, 12345.678, 0.5, 1e20), "{:+} {: } {:=8}".format(5, 5, -5))
print("{name} is {age:>3} years".format_map({"name": "Ann", "age": 7}), "plain".format_map(1))
print("{x[0]}".format_map({"x": "hi"}), "{:>4}".format(""), "{:0>5}".format("7"), "{:05}".format("a"))
errors = [("{}{1}", (1, 2), {}), ("{0}{}", (1, 2), {}), ("{", (1,), {}), ("}", (1,), {}), ("{0", (1,), {}), ("{1}", (1,), {}),
          ("{a}", (1,), {}), ("{0[x]}", ([1],), {}), ("{0[0]}", ([],), {}), ("{0!x}", (1,), {}), ("{0!}", (1,), {}),
          ("{:d}", ("a",), {}), ("{:s}", (1,), {}), ("{0:{1}}", (1,), {}), ("{:{:{}}}", (1, 2, 3), {}), ("{0.}", (1,), {}),
          ("{0[}", (1,), {}), ("{0[0]x}", ([1],), {}), ("{:=5}", ("a",), {}), ("{:+}", ("a",), {}), ("{:#}", ("a",), {}),
          ("{:,}", ("a",), {}), ("{0:{{}", (1,), {}), ("{0!r", (1,), {}), ("{0!rr}", (1,), {}), ("{0!:}", (1,), {}),
          ("{0!é}", (1,), {}), ("{0:}}", (1,), {}), ("{}}", (1,), {}), ("{{}", (1,), {}), ("{0..a}", (1,), {}),
          ("{0[]]}", (1,), {}), ("{0]}", ({},), {}), ("{99999999999999999999}", (1,), {}), ("{}", (), {}), ("{x}", (), {}),
          ("{:10}", (None,), {}), ("{:>5}", (b"a",), {}), ("{ 0 }", (1,), {}), ("{-1}", (1,), {}), ("{a{}", (1,), {}),
          ("{:.3}", (2,), {}), ("{:d}", (1.5,), {}), ("{:x<}", (1,), {}), ("{0:{{}}}", (1,), {})]
for f, a, kw in errors:
    try:
        print(repr(f.format(*a, **kw)))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for f in ["{a}", "{0}", "{}", "{a.b}"]:
    try:
        print(f.format_map({}))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
print(format("é", "^5"), format("abc", ""), "abc".__format__(">5"), format("x", "<3") + "|")
for bad in [lambda: "a".__format__(1), lambda: format("a", 1), lambda: "a".format_map(), lambda: "a".format_map({}, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
