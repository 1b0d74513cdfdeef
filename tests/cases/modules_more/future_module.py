from __future__ import annotations
import __future__
print(__future__.annotations)
print(__future__.division, __future__.generator_stop)
print(__future__.all_feature_names)
f = __future__.annotations
print(f.getOptionalRelease(), f.getMandatoryRelease(), f.compiler_flag)
print(__future__.print_function.mandatory, __future__.nested_scopes.optional)
import sys
print("__future__" in sys.modules)
