CSV = """id,name,dept,salary,start
1,Ann,eng,120000,2019-03-01
2,Bob,eng,95000,2021-07-15
3,Cy,sales,70000,2018-01-10
4,Di,sales,,2020-05-05
5,Ed,ops,80000,not-a-date
6,Fay,eng,130000,2017-11-30
7,Gus,ops,65000,2022-02-14
"""
class RowError(Exception):
    def __init__(self, lineno, msg):
        super().__init__(f"line {lineno}: {msg}")
        self.lineno = lineno
class Extract:
    def __init__(self, text):
        self.text = text
    def __iter__(self):
        lines = self.text.strip().splitlines()
        header = lines[0].split(",")
        for n, line in enumerate(lines[1:], 2):
            yield n, dict(zip(header, line.split(",")))
class Transform:
    def __init__(self, source, errors):
        self.source, self.errors = source, errors
    def __iter__(self):
        for n, row in self.source:
            try:
                yield self.convert(n, row)
            except RowError as e:
                self.errors.append(str(e))
    @staticmethod
    def convert(n, row):
        if not row["salary"]:
            raise RowError(n, "missing salary")
        y, m, d = row["start"].split("-") if row["start"].count("-") == 2 else (None, None, None)
        if not (y and y.isdigit() and m.isdigit() and d.isdigit()):
            raise RowError(n, f"bad date {row['start']!r}")
        return {"id": int(row["id"]), "name": row["name"], "dept": row["dept"],
                "salary": int(row["salary"]), "year": int(y)}
def group_by(rows, key):
    groups = {}
    for r in rows:
        groups.setdefault(r[key], []).append(r)
    return groups
class Load:
    def __init__(self):
        self.tables = {}
    def __call__(self, rows):
        for r in rows:
            self.tables.setdefault(r["dept"], []).append(r["id"])
            yield r
errors = []
loader = Load()
rows = list(loader(Transform(Extract(CSV), errors)))
print(len(rows), errors, loader.tables)
for dept, members in sorted(group_by(rows, "dept").items()):
    sal = [m["salary"] for m in members]
    print(f"{dept:<6} n={len(members)} avg={sum(sal) // len(sal):>7} max={max(sal):>7} names={','.join(m['name'] for m in members)}")
senior = sorted((r for r in rows if r["year"] <= 2019), key=lambda r: (r["year"], r["name"]))
print([(r["name"], r["year"]) for r in senior])
def running_total(rows):
    total = 0
    for r in rows:
        total += r["salary"]
        yield r["name"], total
print(list(running_total(rows)))
print(max(rows, key=lambda r: r["salary"])["name"], min(r["year"] for r in rows))
