print(set(), {1}, {(1, 2)}, {frozenset()}, frozenset({1}), {None} if False else {0})
print(repr({1, 2}), str({3}), f"{ {4} }", type({1}).__name__, type(frozenset()).__name__)
print(set([()]), {""}, {b""}, {1.0}, {-0.0}, {0.0, -0.0})
