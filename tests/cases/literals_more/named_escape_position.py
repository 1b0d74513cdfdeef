s = "été \N{BULLET }"
