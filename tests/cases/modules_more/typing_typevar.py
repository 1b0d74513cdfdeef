from typing import TypeVar, List, Dict, Optional, Union, Callable, Tuple, Generic, AnyStr, ParamSpec
T = TypeVar("T")
K = TypeVar("K", bound=str)
V = TypeVar("V", int, str)
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
print(T, K, V, Co, Contra, AnyStr, ParamSpec("P"))
print(T.__name__, K.__bound__, V.__constraints__, T.__constraints__, T.__bound__, Co.__covariant__, Contra.__contravariant__)
print(T.__module__, str(T), [T], type(T).__name__)
print(List[T], Dict[K, V], Optional[T], Callable[[T], T], Tuple[T, ...], Generic[T], Generic[K, V])
print(List[T][int], Dict[K, V][str, int], Optional[T][str], Callable[[T], T][int], Union[int, T][str])
print(Dict[str, T][List[int]], Union[T, None][int], Union[int, T][int], Tuple[T, ...][str])
Vector = List[Tuple[T, T]]
print(Vector, Vector[float], Vector.__parameters__)
Pair = Dict[K, List[V]]
print(Pair[str, int], Pair.__parameters__)
print(T == T, T == K, {T: 1}[T], T is not TypeVar("T"))
