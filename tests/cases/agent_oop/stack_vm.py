class VMError(Exception):
    def __init__(self, msg, pc):
        super().__init__(f"{msg} (pc={pc})")
        self.pc = pc
class VM:
    def __init__(self, program, trace=False):
        self.program = program
        self.stack = []
        self.vars = {}
        self.pc = 0
        self.output = []
        self.steps = 0
        self.trace = trace
        self.labels = {arg: i for i, (op, arg) in enumerate(program) if op == "label"}
    def pop(self):
        if not self.stack:
            raise VMError("stack underflow", self.pc)
        return self.stack.pop()
    def run(self, max_steps=10000):
        ops = {
            "push": lambda a: self.stack.append(a),
            "load": lambda a: self.stack.append(self.vars[a]),
            "store": lambda a: self.vars.__setitem__(a, self.pop()),
            "add": lambda a: self._bin(lambda x, y: x + y),
            "sub": lambda a: self._bin(lambda x, y: x - y),
            "mul": lambda a: self._bin(lambda x, y: x * y),
            "mod": lambda a: self._bin(lambda x, y: x % y),
            "lt": lambda a: self._bin(lambda x, y: x < y),
            "eq": lambda a: self._bin(lambda x, y: x == y),
            "print": lambda a: self.output.append(str(self.pop())),
            "dup": lambda a: self.stack.append(self.stack[-1]),
            "label": lambda a: None,
        }
        while self.pc < len(self.program):
            self.steps += 1
            if self.steps > max_steps:
                raise VMError("step limit exceeded", self.pc)
            op, arg = self.program[self.pc]
            if self.trace:
                print(f"  {self.pc:>3} {op:<6} {arg!s:<6} {self.stack}")
            self.pc += 1
            if op == "jmp":
                self.pc = self.labels[arg]
            elif op == "jz":
                if not self.pop():
                    self.pc = self.labels[arg]
            elif op in ops:
                try:
                    ops[op](arg)
                except KeyError as e:
                    raise VMError(f"undefined variable {e.args[0]}", self.pc - 1) from None
                except ZeroDivisionError:
                    raise VMError("division by zero", self.pc - 1) from None
            else:
                raise VMError(f"unknown op {op!r}", self.pc - 1)
        return self
    def _bin(self, f):
        b, a = self.pop(), self.pop()
        self.stack.append(f(a, b))
def assemble(text):
    prog = []
    for line in text.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        parts = line.split()
        arg = parts[1] if len(parts) > 1 else None
        if arg is not None and arg.lstrip("-").isdigit():
            arg = int(arg)
        prog.append((parts[0], arg))
    return prog
fizz = assemble("""
    push 1
    store i
label loop
    load i
    push 16
    lt
    jz end
    load i
    push 15
    mod
    push 0
    eq
    jz not15
    push FizzBuzz
    print
    jmp next
label not15
    load i
    push 3
    mod
    push 0
    eq
    jz not3
    push Fizz
    print
    jmp next
label not3
    load i
    print
label next
    load i
    push 1
    add
    store i
    jmp loop
label end
""")
vm = VM(fizz).run()
print(" ".join(vm.output), vm.steps, vm.vars)
small = VM(assemble("push 2\npush 3\nmul\ndup\nadd\nprint"), trace=True).run()
print(small.output)
for src in ["add", "load x", "push 1\npush 0\nmod", "frob 1", "label a\njmp a"]:
    try:
        VM(assemble(src)).run(max_steps=50)
    except VMError as e:
        print(type(e).__name__, e, e.pc)
