from __future__ import annotations, nosuch_feature
print("never printed: compile-time error")
