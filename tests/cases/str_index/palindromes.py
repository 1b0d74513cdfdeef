def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
for s in ["racecar", "A man, a plan, a canal: Panama", "hello", "", "Was it a car or a cat I saw?", "ab"]:
    print(repr(s), is_pal(s))
def longest_pal(s):
    best = ""
    for i in range(len(s)):
        for j in (i, i + 1):
            lo, hi = i, j
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best
print([longest_pal(s) for s in ["babad", "cbbd", "forgeeksskeegfor", "a", ""]])
