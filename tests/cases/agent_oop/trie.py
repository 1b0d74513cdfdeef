class TrieNode:
    __slots__ = ("children", "count", "terminal")
    def __init__(self):
        self.children = {}
        self.count = 0
        self.terminal = 0
class Trie:
    def __init__(self, words=()):
        self.root = TrieNode()
        self.size = 0
        for w in words:
            self.add(w)
    def add(self, word):
        node = self.root
        node.count += 1
        for ch in word:
            node = node.children.setdefault(ch, TrieNode())
            node.count += 1
        if not node.terminal:
            self.size += 1
        node.terminal += 1
    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node
    def __contains__(self, word):
        n = self._find(word)
        return bool(n and n.terminal)
    def __len__(self):
        return self.size
    def count_prefix(self, prefix):
        n = self._find(prefix)
        return n.count if n else 0
    def complete(self, prefix, limit=None):
        n = self._find(prefix)
        if n is None:
            return []
        out = []
        def walk(node, acc):
            if limit is not None and len(out) >= limit:
                return
            if node.terminal:
                out.append((prefix + acc, node.terminal))
            for ch in sorted(node.children):
                walk(node.children[ch], acc + ch)
        walk(n, "")
        return out
    def __iter__(self):
        return (w for w, _ in self.complete(""))
    def longest_common_prefix(self):
        node, acc = self.root, ""
        while len(node.children) == 1 and not node.terminal:
            ch, node = next(iter(node.children.items()))
            acc += ch
        return acc
words = "the then there these they them cat car cart carbon care the then".split()
t = Trie(words)
print(len(t), "the" in t, "th" in t, "carts" in t, t.count_prefix("the"), t.count_prefix("car"), t.count_prefix("x"))
print(t.complete("the"))
print(t.complete("car", limit=3), t.complete("z"))
print(list(t))
print(Trie(["interview", "internet", "interval", "internal"]).longest_common_prefix(), repr(Trie().longest_common_prefix()))
def suggest(trie, typed):
    while typed:
        hits = trie.complete(typed, limit=2)
        if hits:
            return typed, [w for w, _ in hits]
        typed = typed[:-1]
    return "", []
for q in ["thex", "carb", "cz", "q"]:
    print(q, "->", suggest(t, q))
