template = "Dear {name},\nYour order #{order_id} of {count} item{plural} totals ${total:,.2f}.\n{footer}"
customers = [
    {"name": "Ann", "order_id": 17, "count": 1, "total": 19.5},
    {"name": "Bob", "order_id": 1042, "count": 3, "total": 1234.567},
]
for c in customers:
    msg = template.format(plural="" if c["count"] == 1 else "s", footer="-- Shop", **c)
    print(msg)
    print("=" * 20)
def render(tpl, ctx):
    out = ""
    i = 0
    while i < len(tpl):
        if tpl.startswith("{{", i):
            j = tpl.index("}}", i)
            key = tpl[i + 2:j].strip()
            out += str(ctx.get(key, f"<missing {key}>"))
            i = j + 2
        else:
            out += tpl[i]
            i += 1
    return out
print(render("Hello {{ user }}, you have {{count}} new {{ thing }}.", {"user": "kim", "count": 3}))
try:
    render("broken {{ tag", {})
except ValueError as e:
    print("ValueError:", e)
