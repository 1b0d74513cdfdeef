x = 'a' 'b' "c"
y = b'a' b'b'
z = u'x'
w = r'\n' + R"\d"
v = """multi
line"""