b = b"key1=val1;key2=val2;;key3="
pairs = [p.split(b"=", 1) for p in b.split(b";") if p]
print(pairs, {k.decode(): v.decode() for k, v in pairs})
print(b.count(b";"), b.find(b"key2"), b.rfind(b"key"), b.index(b"="), b.startswith(b"key"), b.endswith(b"="))
print(b"a-b-c".replace(b"-", b"", 1), b"  pad ".strip(), b"x".ljust(3, b"-"), b"x".rjust(3), b"abc".center(7, b"."))
print(b"Hello World".swapcase(), b"hello".capitalize(), b"a,b".partition(b","), b"no".partition(b","))
print(b"line1\nline2\r\nline3".splitlines(), b"line1\n".splitlines(keepends=True))
