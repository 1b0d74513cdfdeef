print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mix "q"', "mix 'q'")
print('tab\there', 'nl\\n literal', 'back\\slash')
print('\x41\x42', '\101\102', '\u00e9', '\U0001F600', '\N{LATIN SMALL LETTER A WITH ACUTE}')
print(r'raw\n', R"raw\t", r'\x41', r'a\\b')
print('adjacent' ' strings' " concat")
print('a' 'b' 'c' == 'abc')
s = """line1
line2
  line3"""
print(s)
print(len(s), s.count('\n'))
print('\a\b\f\v'.encode() if False else len('\a\b\f\v'))
print(repr('\0'), repr('\x7f'), repr('\x80'), repr('\xa0'), repr('\xff'))
print('continued \
line')
print(repr(''), repr(""), len(''))
print('\'' == "'", '\"' == '"')
print('caf\u00e9' == 'café')
