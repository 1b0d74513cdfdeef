@a.b.c
class X: pass