def rle_encode(s):
    if not s:
        return []
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append((prev, count))
            prev, count = ch, 1
    out.append((prev, count))
    return out
def rle_str(pairs):
    return "".join(f"{n}{c}" if n > 1 else c for c, n in pairs)
def rle_decode(text):
    out = []
    num = ""
    for ch in text:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * (int(num) if num else 1))
            num = ""
    return "".join(out)
for s in ["aaabccddddde", "", "abc", "zzzzzzzzzzzz", "aabbaa"]:
    enc = rle_str(rle_encode(s))
    print(repr(s), rle_encode(s), repr(enc), rle_decode(enc) == s)
print(rle_decode("3x2yz10w"))
