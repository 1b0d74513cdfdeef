class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + " must implement area")
    def perimeter(self):
        raise NotImplementedError
    def summary(self):
        try:
            return "%s area=%s perimeter=%s" % (type(self).__name__, self.area(), self.perimeter())
        except NotImplementedError as e:
            return "incomplete: %s" % (e,)

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Half(Shape):
    def area(self):
        return 0.5
class Nothing(Shape):
    pass
for s in [Rect(2, 3), Half(), Nothing()]:
    print(s.summary())
try:
    Half().perimeter()
except NotImplementedError as e:
    print(type(e).__name__, repr(e), str(e) == "")
print(issubclass(NotImplementedError, RuntimeError))
print(NotImplemented is not NotImplementedError)
class Template:
    def run(self):
        steps = [self.setup(), self.body(), self.teardown()]
        return " -> ".join(steps)
    def setup(self):
        return "setup"
    def body(self):
        raise NotImplementedError("body")
    def teardown(self):
        return "teardown"
class Job(Template):
    def body(self):
        return "job-body"
class LoudJob(Job):
    def setup(self):
        return super().setup().upper()
print(Job().run(), "|", LoudJob().run())
try:
    Template().run()
except NotImplementedError as e:
    print("NotImplementedError", e)
