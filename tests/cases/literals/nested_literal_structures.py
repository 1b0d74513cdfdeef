config = {
    "name": "svc",
    "ports": [80, 443],
    "env": {"DEBUG": False, "LEVEL": 3, "RATIO": 0.75, "TAGS": ("a", "b")},
    "empty": {"list": [], "dict": {}, "tuple": (), "str": ""},
    "neg": -1, "big": 10**20, "sci": 1.5e-3, "none": None,
}
print(config)
print(config["env"]["TAGS"][1], config["ports"][-1], config["empty"]["tuple"], len(config))
matrix = [[1, 2, 3],
          [4, 5, 6],
          [7, 8, 9]]
print(matrix, matrix[1][1])
s = ("implicit "
     "concatenation "
     'across lines')
print(s)
t = (
    1,
    2,
)
print(t, len(t))
