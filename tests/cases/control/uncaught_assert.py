def validate(age):
    assert age >= 0, f"age must be non-negative, got {age}"
    return age
print(validate(5))
print(validate(-3))
