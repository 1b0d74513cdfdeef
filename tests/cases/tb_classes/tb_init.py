class Connection:
    def __init__(self, url):
        scheme, rest = url.split("://")
        self.scheme = scheme
        self.host, port = rest.split(":")
        self.port = int(port)
c = Connection("tcp://localhost:80")
print(c.scheme, c.host, c.port)
Connection("localhost:80")
