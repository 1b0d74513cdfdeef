# Unknown %-conversions: which character the message shows, str and bytes,
# and the words CPython uses for an oversized precision.
for fmt in ['%\x1f', '%\x00', '%\x7f', '%\x80', '%\u0100', '%\U0001F600', '%y', 'ab%\x1e',
            b'%\x00', b'%\x1f', b'%\x7f', b'%\x80', b'%\xff', b'%y']:
    try:
        print(len(fmt % 1))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, repr(str(e)))

for fmt in [b'%.3000000000d', b'%.99999999999999999999d', '%.3000000000d', '%.99999999999999999999d',
            b'%.3000000000f', '%.3000000000s', b'%99999999999999999999d']:
    try:
        print(len(fmt % 1))
    except ValueError as e:
        print(type(e).__name__, e)
