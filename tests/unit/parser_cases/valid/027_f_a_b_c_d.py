f(a)(b)[c].d
f(*a, **b, c=1)
f(a, *b, c, d=1, *e, **f)