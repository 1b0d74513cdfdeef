files = ["report.csv", "data.json", "README.md", "notes.txt", "image.PNG", ".hidden", "archive.tar.gz"]
for f in files:
    print(f, f.endswith(".csv"), f.endswith((".json", ".md")), f.lower().endswith(".png"), f.startswith("."), f.startswith(("re", "RE")), f.rpartition(".")[2], f.split(".", 1)[0])
print("abc".startswith("abc", 0, 2), "abc".startswith("b", 1), "abc".endswith("b", 0, 2), "abc".startswith("", 3), "abc".startswith("", 4))
