# A source line keeps its trailing blanks in a traceback (CPython prints
# them), so a marker under part of it still shows.
x = None
x.a   
