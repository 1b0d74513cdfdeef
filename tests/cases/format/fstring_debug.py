a, b = 3, "txt"
lst = [1, 2]
print(f"{a=}", f"{b=}", f"{lst=}", f"{a + 1=}", f"{b.upper()=}", f"{lst[0]=}")
print(f"{a=:>5}", f"{a=!s}", f"{b=!r}", f"{b=:^7}", f"{ a = }", f"{a*2 = :03d}")
print(f"{3.14159=:.2f}", f"{'lit'=}", f"{len(lst)=}")
