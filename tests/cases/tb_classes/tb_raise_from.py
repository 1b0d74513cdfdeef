class ConfigError(Exception):
    pass
def parse_port(value):
    try:
        return int(value)
    except ValueError as e:
        raise ConfigError("invalid port %r" % value) from e
class Server:
    def __init__(self, port):
        self.port = parse_port(port)
print(Server("8080").port)
Server("http")
