a = [{"email": "Ann@X.com", "name": "Ann", "phone": None}, {"email": "bob@y.org", "name": "Bob", "phone": "555-1"}]
b = [{"email": "ann@x.com ", "name": "Ann Lee", "phone": "555-9"}, {"email": "cy@z.net", "name": "Cy", "phone": None}]
def norm(e):
    return e.strip().lower()
merged = {}
for source, recs in (("a", a), ("b", b)):
    for r in recs:
        key = norm(r["email"])
        cur = merged.setdefault(key, {"email": key, "sources": []})
        cur["sources"].append(source)
        for f in ("name", "phone"):
            if r[f] and (f not in cur or len(str(r[f])) > len(str(cur[f]))):
                cur[f] = r[f]
for k in sorted(merged):
    m = merged[k]
    print(f"{m['email']:<12} name={m.get('name')!r:<10} phone={m.get('phone')!r:<8} sources={'+'.join(m['sources'])}")
conflicts = [k for k, v in merged.items() if len(v["sources"]) > 1]
print("merged from both:", conflicts)
