# Agent-style text processing: parsing a report, aggregating, formatting a table.
report = """name,dept,salary,joined
Ana Lopez,Engineering,120000,2019-03-01
Bo Chen,Sales,85000,2020-11-15
Chloé Martin,Engineering,135000,2017-06-30
Dmitri Ivanov,Support,60000,2021-01-04
Eve O'Neil,Sales,91000,2018-08-19
"""
lines = report.strip().splitlines()
header = lines[0].split(",")
rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
by_dept = {}
for r in rows:
    by_dept.setdefault(r["dept"], []).append(int(r["salary"]))
print("%-12s %5s %10s" % ("Dept", "Count", "Avg"))
print("-" * 29)
for dept in sorted(by_dept):
    vals = by_dept[dept]
    print("%-12s %5d %10.1f" % (dept, len(vals), sum(vals) / len(vals)))
for r in rows:
    first, last = r["name"].split(" ", 1)
    year, month, day = (int(x) for x in r["joined"].split("-"))
    initials = "".join(p[0] for p in r["name"].split())
    print(f"{last.upper():<10}|{first:^9}|{initials:>3}|{year}/{month:02d}|{r['salary']:>7}|{r['name'].lower().replace(' ', '_')}")
text = "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!"
words = [w.strip(".,;!").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(", ".join("{}={}".format(k, v) for k, v in top))
print(text.count("the"), text.lower().count("the"), text.find("fox"), text.rfind("fox"), text.title()[:20])
template = "Dear {name}, your order #{order:05d} of {qty} item{plural} totals ${total:,.2f}."
for name, order, qty, total in [("Ana", 42, 1, 19.99), ("Bo", 12345, 3, 1234.5)]:
    print(template.format(name=name, order=order, qty=qty, plural="" if qty == 1 else "s", total=total))
slug = "  Hello, World! Ça va?  ".strip().lower()
slug = "".join(c if c.isalnum() else "-" for c in slug)
while "--" in slug:
    slug = slug.replace("--", "-")
print(slug.strip("-"), slug.encode("ascii", "replace"), len(slug))
