class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return "%s: %s" % (self.field, self.problem)
class Form:
    def __init__(self, **data):
        self.data = data
    def validate(self):
        for name, value in self.data.items():
            if not value:
                raise ValidationError(name, "must not be empty")
        return True
print(Form(user="ann").validate())
Form(user="ann", email="").validate()
