def validate_user(u):
    errors = []
    name = u.get("name")
    if not isinstance(name, str) or not name.strip():
        errors.append("name: required")
    age = u.get("age")
    if age is None:
        errors.append("age: required")
    elif not isinstance(age, int) or isinstance(age, bool):
        errors.append(f"age: expected int, got {type(age).__name__}")
    elif not 0 <= age <= 150:
        errors.append(f"age: out of range ({age})")
    email = u.get("email", "")
    if email and ("@" not in email or email.startswith("@") or "." not in email.split("@")[-1]):
        errors.append(f"email: invalid {email!r}")
    unknown = sorted(set(u) - {"name", "age", "email"})
    if unknown:
        errors.append("unknown fields: " + ", ".join(unknown))
    return errors
users = [
    {"name": "Ann", "age": 31, "email": "ann@example.com"},
    {"name": "  ", "age": "31"},
    {"age": 200, "email": "bad@nodot"},
    {"name": "Bo", "age": True, "email": "@x.com", "role": "admin", "zip": 1},
    {"name": "Cy", "age": 0},
]
for i, u in enumerate(users):
    errs = validate_user(u)
    print(f"user {i}: {'OK' if not errs else 'INVALID'}")
    for e in errs:
        print("   -", e)
print(sum(1 for u in users if not validate_user(u)), "valid of", len(users))
