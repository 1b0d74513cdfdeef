def parse_port(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad port {s!r}") from e
def start():
    return parse_port("http")
start()
