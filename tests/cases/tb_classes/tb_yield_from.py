def leaves(tree):
    for node in tree:
        if isinstance(node, list):
            yield from leaves(node)
        else:
            yield 10 // node
print(list(leaves([1, [2, [5]]])))
print(list(leaves([1, [2, [0]]])))
