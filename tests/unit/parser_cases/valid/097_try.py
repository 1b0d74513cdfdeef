try:
    pass
except* (A, B) as e:
    pass
except* C:
    pass
else:
    pass
finally:
    pass