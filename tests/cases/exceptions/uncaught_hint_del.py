# `del` of an unknown name gets a "Did you mean" too.
y = 1
del yy
