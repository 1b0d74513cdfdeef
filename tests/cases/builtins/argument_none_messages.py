for f in (lambda: format(1, None), lambda: type(None, (), {}), lambda: b''.fromhex(None), lambda: (1).__format__(None), lambda: 'a'.__format__(None), lambda: b''.__format__(None), lambda: 'a'.removeprefix(None), lambda: b'a'.center(3, None), lambda: object().__format__(None), lambda: (1.5).__format__(None), lambda: format(1, 2)):
    try: f()
    except TypeError as e: print(e)
