x = not a == b
y = -a ** -b
z = ~a << b | c & d ^ e