class Stats:
    def __init__(self, values):
        self.values = values
    @property
    def mean(self):
        return sum(self.values) / len(self.values)
    @property
    def summary(self):
        return "mean=%.2f" % self.mean
print(Stats([1, 2, 3]).summary)
print(Stats([]).summary)
