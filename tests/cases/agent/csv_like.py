raw = """name,dept,salary,start_year
Alice,Engineering,120000,2015
Bob,Engineering,95000,2019
Carol,Sales,70000,2018
Dan,Sales,,2020
Eve,Marketing,88000,2016
Frank,Engineering,105000,notayear
Grace,Marketing,91000,2021"""
lines = raw.splitlines()
header = lines[0].split(",")
records = []
problems = []
for n, line in enumerate(lines[1:], 2):
    row = dict(zip(header, line.split(",")))
    try:
        row["salary"] = int(row["salary"]) if row["salary"] else None
        row["start_year"] = int(row["start_year"])
    except ValueError as e:
        problems.append(f"line {n}: {e}")
        continue
    records.append(row)
print(len(records), "records;", len(problems), "problems")
for p in problems:
    print(" ", p)
depts = {}
for r in records:
    depts.setdefault(r["dept"], []).append(r)
for d in sorted(depts):
    sal = [r["salary"] for r in depts[d] if r["salary"] is not None]
    avg = sum(sal) / len(sal) if sal else 0
    names = ", ".join(r["name"] for r in sorted(depts[d], key=lambda r: r["start_year"]))
    print(f"{d:<12} headcount={len(depts[d])} avg_salary={avg:,.0f} by_seniority=[{names}]")
missing = [r["name"] for r in records if r["salary"] is None]
print("missing salary:", missing)
senior = sorted((r for r in records if r["start_year"] <= 2018), key=lambda r: (r["dept"], -r["salary"] if r["salary"] else 0))
print([(r["name"], r["dept"]) for r in senior])
out = [",".join(header)]
for r in records:
    out.append(",".join("" if r[h] is None else str(r[h]) for h in header))
print("\n".join(out))
