x = '''a
b\
c'''