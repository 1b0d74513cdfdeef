with open(f) as g, open(h) as (i, j):
    pass