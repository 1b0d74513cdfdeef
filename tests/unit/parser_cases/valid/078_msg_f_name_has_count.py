msg = (f"{name} has {count} "
       f"item{'s' if count != 1 else ''}")