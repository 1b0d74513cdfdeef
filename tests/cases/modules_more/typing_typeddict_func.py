from typing import TypedDict, List
Movie = TypedDict("Movie", {"title": str, "year": int})
Partial = TypedDict("Partial", {"title": str}, total=False)
m = Movie(title="Alien", year=1979)
print(m, type(m).__name__, m["title"], Movie({"title": "x"}), Movie([("year", 1)]))
print(Movie, Movie.__name__, Movie.__annotations__, Movie.__total__, Partial.__total__)
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), sorted(Partial.__optional_keys__))
Kw = TypedDict("Kw", {"a": int, "tags": List[str]})
print(Kw.__annotations__, Kw(a=1, tags=["x"]))
try:
    Movie(1)
except TypeError as e:
    print(type(e).__name__, e)
