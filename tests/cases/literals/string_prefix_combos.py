print(r"\d+\.\d+", R'\n', rb"\x00", Rb'\\', bR"x\y", BR"z", f"{1+1}", F"{'x'}", rf"{2}\n", fR"\t{3}", Fr'{4}\\', RF"{5}")
print(u"unicode prefix", U"upper u", len(r"\\"), len("\\"), r"a\
b")
print("a\
b", 'single \
continued')
print("""multi "quoted" ''' text""", '''other ''" quotes''')
print("\x41\u0042\U00000043\N{DIGIT ONE}\101")
