db = {
    "users": [
        {"id": 1, "name": "Ann", "tags": ["admin", "dev"], "address": {"city": "Oslo"}},
        {"id": 2, "name": "Bob", "tags": [], "address": {"city": "Rome"}},
        {"id": 3, "name": "Cid", "tags": ["dev"], "address": None},
    ]
}
for u in db["users"]:
    city = u["address"]["city"] if u["address"] else "unknown"
    print(u["id"], u["name"], ",".join(u["tags"]) or "-", city)
devs = [u["name"] for u in db["users"] if "dev" in u["tags"]]
print(devs)
index = {u["id"]: u for u in db["users"]}
print(index[2]["name"], sorted(index), index.get(9, {}).get("name", "none"))
db["users"][0]["address"]["city"] = "Bergen"
print(index[1]["address"])
tag_count = {}
for u in db["users"]:
    for t in u["tags"]:
        tag_count[t] = tag_count.get(t, 0) + 1
print(tag_count)
