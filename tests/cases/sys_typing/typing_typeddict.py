from typing import TypedDict, List, Optional
class Movie(TypedDict):
    title: str
    year: int
class PartialMovie(TypedDict, total=False):
    title: str
    rating: float
class Review(Movie):
    stars: int
m: Movie = {"title": "Heat", "year": 1995}
m2 = Movie(title="Alien", year=1979)
print(m, m2, type(m2).__name__, type(m2) is dict, isinstance(m2, dict))
print(m2["title"], m2.get("year"), sorted(m2))
p = PartialMovie(title="x")
print(p, len(p))
r = Review(title="t", year=1, stars=5)
print(r, list(Review.__annotations__))
print(sorted(Movie.__required_keys__), sorted(PartialMovie.__optional_keys__), Movie.__total__, PartialMovie.__total__)
print(sorted(Review.__required_keys__))
bad = Movie(title=5)
print(bad, "no runtime validation")
try:
    isinstance(m, Movie)
except TypeError as e:
    print(type(e).__name__, e)
Point2D = TypedDict("Point2D", {"x": int, "y": int})
pt = Point2D(x=1, y=2)
print(pt, Point2D.__name__, sorted(Point2D.__annotations__))
def total_years(movies: List[Movie]) -> int:
    return sum(mv["year"] for mv in movies)
print(total_years([m, m2]))
