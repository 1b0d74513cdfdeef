class Config:
    def __init__(self):
        self.host = "localhost"
        self.port = 8080
    def url(self):
        return "http://%s:%d/%s" % (self.host, self.port, self.path)

c = Config()
print(c.host, c.port)
c.path = "api"
print(c.url())
del c.path
print("about to fail")
print(c.url())
