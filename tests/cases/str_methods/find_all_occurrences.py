text = "abracadabra abracadabra"
def find_all(s, sub):
    out = []
    i = s.find(sub)
    while i != -1:
        out.append(i)
        i = s.find(sub, i + 1)
    return out
print(find_all(text, "abra"), find_all(text, "a"), find_all(text, "zz"), find_all("aaaa", "aa"))
print(text.count("abra"), text.count("a"), text.count("aa"), "aaaa".count("aa"))
print(text.replace("abra", "ABRA", 3), text.split("a", 3), text.rsplit("a", 3))
print(text.partition("cad"), text.rpartition("cad"), text.index("cad", 10), text.rindex("abra", 0, 15))
