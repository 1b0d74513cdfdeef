print("hello world".title(), "HELLO WORLD".title(), "they're bill's".title(), "hello-world foo_bar".title(), "3rd place".title())
print("hello world".capitalize(), "HELLO".capitalize(), "123abc".capitalize(), "".capitalize(), " x".capitalize())
print("Hello World".swapcase(), "ǅ".swapcase(), "mIxEd 123".swapcase())
print(" ".join(w.capitalize() for w in "the lord of the rings".split()))
def snake_to_camel(s):
    first, *rest = s.split("_")
    return first + "".join(p.title() for p in rest)
print(snake_to_camel("get_user_by_id"), snake_to_camel("x"), snake_to_camel("a__b"))
def camel_to_snake(s):
    out = []
    for i, c in enumerate(s):
        if c.isupper() and i:
            out.append("_")
        out.append(c.lower())
    return "".join(out)
print(camel_to_snake("getUserById"), camel_to_snake("HTTPServer"), camel_to_snake("x"))
