def connect(host, port, *, timeout=5):
    return host, port, timeout
connect("localhost", 80, 10)
