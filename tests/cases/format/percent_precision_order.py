for f in (lambda: '%.2147483647d' % 'x', lambda: '%.2147483647d' % 10**5000, lambda: '%.2147483647d' % 1):
    try: print(len(f()))
    except Exception as e: print(type(e).__name__, e)
