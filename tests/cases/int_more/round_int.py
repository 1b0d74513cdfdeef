# round() of ints: ndigits >= 0 returns the int, negative ndigits round
# half to even.
for v in [0, 5, 15, 25, 35, -25, 123, 125, 135, -125, -135, 149, 150, 250, 350, -150, -250, 500, 1500, 2500, -500,
          123456789, 10**30 + 5 * 10**10, 10**30 + 15 * 10**10, 2**100, -2**100, True, False]:
    print(v, round(v), round(v, 0), round(v, 2), round(v, -1), round(v, -2), round(v, -3), round(v, -11), round(v, -29),
          round(v, -40), type(round(v, -1)).__name__)
print(round(7, 10**30), round(7, None), round(True, 1), type(round(True)).__name__)
for nd in [2.0, "1", None]:
    try:
        print(round(17, nd))
    except TypeError as e:
        print("TypeError", e)
