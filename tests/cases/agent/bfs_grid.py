grid = [
    "S.#.......",
    ".##.####..",
    "....#..#.#",
    "##.##.##..",
    "...#...#.#",
    ".#...#...E",
]
rows, cols = len(grid), len(grid[0])
start = end = None
for r, line in enumerate(grid):
    for c, ch in enumerate(line):
        if ch == "S":
            start = (r, c)
        elif ch == "E":
            end = (r, c)
print("start", start, "end", end)
queue = [start]
prev = {start: None}
head = 0
while head < len(queue):
    cur = queue[head]
    head += 1
    if cur == end:
        break
    r, c = cur
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in prev:
            prev[(nr, nc)] = cur
            queue.append((nr, nc))
path = []
node = end
while node is not None:
    path.append(node)
    node = prev.get(node)
path.reverse()
print("steps:", len(path) - 1)
print("path:", path)
canvas = [list(line) for line in grid]
for r, c in path[1:-1]:
    canvas[r][c] = "*"
for line in canvas:
    print("".join(line))
print("visited:", len(prev))
