# Traceback markers count a wide (East Asian W/F) character as two
# columns, as CPython 3.11 draws them under the source line.
label = "日本"
v = (label + "語") + 1
