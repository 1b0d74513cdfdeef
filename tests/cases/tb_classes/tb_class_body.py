DEFAULTS = {"retries": 3}
class Settings:
    retries = DEFAULTS["retries"]
    timeout = DEFAULTS["timeout"]
print("never")
