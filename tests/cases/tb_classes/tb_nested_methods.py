class Pipeline:
    def __init__(self, steps):
        self.steps = steps
    def run(self, value):
        for step in self.steps:
            value = self.apply(step, value)
        return value
    def apply(self, step, value):
        return getattr(self, "step_" + step)(value)
    def step_double(self, v):
        return v * 2
    def step_invert(self, v):
        return 1 / v
print(Pipeline(["double", "invert"]).run(4))
Pipeline(["double", "invert", "double"]).run(0)
