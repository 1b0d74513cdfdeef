class Inventory:
    def __init__(self):
        self.items = {}
        self.location = "hall"
        self.log = []
    def run(self, line):
        match line.split():
            case []:
                return "say something"
            case ["look"]:
                return "you are in the " + self.location
            case ["go", ("north" | "south" | "east" | "west") as direction]:
                self.location = {"north": "tower", "south": "cellar", "east": "garden", "west": "library"}[direction]
                return "you go " + direction
            case ["go", other]:
                return "can't go " + other
            case ["take", item] | ["pick", "up", item]:
                self.items[item] = self.items.get(item, 0) + 1
                return "taken " + item
            case ["take", *many] if len(many) > 1:
                for it in many:
                    self.items[it] = self.items.get(it, 0) + 1
                return "taken %d things" % len(many)
            case ["drop", item] if item in self.items:
                self.items[item] -= 1
                if not self.items[item]:
                    del self.items[item]
                return "dropped " + item
            case ["drop", item]:
                return "you don't have " + item
            case ["inventory" | "inv" | "i"]:
                return ", ".join("%s x%d" % kv for kv in sorted(self.items.items())) or "empty-handed"
            case ["say", *words]:
                return "you say: " + " ".join(words)
            case [verb, *_]:
                return "unknown verb " + repr(verb)
inv = Inventory()
script = ["", "look", "go north", "look", "go up", "take lamp", "pick up key", "take coin coin gem",
          "inventory", "drop coin", "drop sword", "i", "say hello there", "dance wildly", "drop lamp", "inv"]
for line in script:
    print("> " + line)
    print(inv.run(line))
