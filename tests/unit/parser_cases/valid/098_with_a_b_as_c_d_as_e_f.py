with a, b as c, d as (e, f):
    pass