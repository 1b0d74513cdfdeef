x = "\n\t\\\'\"\a\b\f\v\x41\101\u00e9\U0001F600\N{BULLET}"
y = b"\x00\xff\n\777"