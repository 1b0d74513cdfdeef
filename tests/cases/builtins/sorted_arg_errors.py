# sorted() counts its positional argument before looking at keywords.
for call in [lambda: sorted(iterable=[3, 1]), lambda: sorted([1], bogus=1), lambda: sorted(), lambda: sorted([2, 1], reverse=True)]:
    try:
        print(call())
    except TypeError as e:
        print(e)
