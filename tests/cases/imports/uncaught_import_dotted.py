from typing import List
values: List[int] = [1, 2]
print(values)
import nosuch.sub as z
