import sys
print("before import")
import nosuch
print("unreachable")
