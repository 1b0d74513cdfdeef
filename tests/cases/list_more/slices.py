# Slicing, slice assignment and deletion with every kind of step.
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[:-7], l[::2], l[1::3], l[::-1], l[::-3], l[8:2:-2])
print(l[100:], l[-100:2], l[5:1], l[3:3], l[-1:-5:-1], l[10**30:], l[-10**30:10**30:10**20])
print(l[True:], l[False::True])
t = l[:]
print(t == l, t is l)

def show(label, op):
    a = list(range(8))
    try:
        op(a)
        print(label, "->", a)
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

def op0(a):
    a[2:4] = ['x', 'y', 'z']
show("a[2:4] = ['x', 'y', 'z']", op0)
def op1(a):
    a[2:4] = []
show('a[2:4] = []', op1)
def op2(a):
    a[:] = 'ab'
show("a[:] = 'ab'", op2)
def op3(a):
    a[5:2] = [9]
show('a[5:2] = [9]', op3)
def op4(a):
    a[::2] = 'abcd'
show("a[::2] = 'abcd'", op4)
def op5(a):
    a[::-2] = range(4)
show('a[::-2] = range(4)', op5)
def op6(a):
    a[1::3] = [0, 0, 0]
show('a[1::3] = [0, 0, 0]', op6)
def op7(a):
    a[::2] = [1]
show('a[::2] = [1]', op7)
def op8(a):
    a[::2] = 5
show('a[::2] = 5', op8)
def op9(a):
    a[1:2] = 5
show('a[1:2] = 5', op9)
def op10(a):
    a[::-1] = list(range(9))
show('a[::-1] = list(range(9))', op10)
def op11(a):
    a[8:] = (1, 2)
show('a[8:] = (1, 2)', op11)
def op12(a):
    a[-2:] = a
show('a[-2:] = a', op12)
def op13(a):
    a[:0] = a
show('a[:0] = a', op13)
def op14(a):
    a[::2] = a[::2]
show('a[::2] = a[::2]', op14)
def op15(a):
    a[3:6:1] = 'q'
show("a[3:6:1] = 'q'", op15)
def op16(a):
    a[10:20] = [1]
show('a[10:20] = [1]', op16)
def op17(a):
    a[-100:1] = [7]
show('a[-100:1] = [7]', op17)
def op18(a):
    a[1:1] = range(3)
show('a[1:1] = range(3)', op18)
def op19(a):
    a[1:3] = (x for x in 'hello')
show("a[1:3] = (x for x in 'hello')", op19)
def op20(a):
    del a[::2]
show('del a[::2]', op20)
def op21(a):
    del a[::-3]
show('del a[::-3]', op21)
def op22(a):
    del a[1:3]
show('del a[1:3]', op22)
def op23(a):
    del a[:]
show('del a[:]', op23)
def op24(a):
    del a[10:]
show('del a[10:]', op24)
def op25(a):
    del a[::-1]
show('del a[::-1]', op25)
def op26(a):
    del a[1::100]
show('del a[1::100]', op26)
def op27(a):
    del a[5]
show('del a[5]', op27)
def op28(a):
    del a[-1]
show('del a[-1]', op28)
def op29(a):
    del a[8]
show('del a[8]', op29)
def op30(a):
    del a['x']
show("del a['x']", op30)
def op31(a):
    a[8] = 1
show('a[8] = 1', op31)
def op32(a):
    a[-9] = 1
show('a[-9] = 1', op32)
def op33(a):
    a['x'] = 1
show("a['x'] = 1", op33)
def op34(a):
    a[2] = 'two'
show("a[2] = 'two'", op34)
def op35(a):
    a[-1] = 'last'
show("a[-1] = 'last'", op35)
def op36(a):
    del a[::0]
show('del a[::0]', op36)
def op37(a):
    a[::0] = []
show('a[::0] = []', op37)
def op38(a):
    a[1.0:2] = []
show('a[1.0:2] = []', op38)
def op39(a):
    a[2**70:] = [1]
show('a[2**70:] = [1]', op39)
def op40(a):
    del a[-2**70:2]
show('del a[-2**70:2]', op40)

# a generator as the assigned value, and the list itself
a = [1, 2, 3]
a[1:2] = (i * 10 for i in range(4))
print(a)
a[:] = a + a
print(a)
a[::2] = a[1::2]
print(a)
