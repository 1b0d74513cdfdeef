try:
    pass
except ValueError as e:
    raise
except (TypeError, KeyError):
    raise X from e
else:
    pass
finally:
    pass