class TransitionError(Exception):
    pass
class State:
    name = "abstract"
    def on_enter(self, ctx):
        ctx.log.append("enter " + self.name)
    def on_exit(self, ctx):
        ctx.log.append("exit " + self.name)
    def handle(self, ctx, event):
        raise TransitionError(f"{self.name} cannot handle {event!r}")
    def __repr__(self):
        return f"<{self.name}>"
class Idle(State):
    name = "idle"
    def handle(self, ctx, event):
        if event == "order":
            return Pending()
        return super().handle(ctx, event)
class Pending(State):
    name = "pending"
    def handle(self, ctx, event):
        if event == "pay":
            ctx.paid = True
            return Paid()
        if event == "cancel":
            return Cancelled()
        return super().handle(ctx, event)
class Paid(State):
    name = "paid"
    def handle(self, ctx, event):
        if event == "ship":
            return Shipped()
        if event == "refund":
            ctx.paid = False
            return Cancelled()
        return super().handle(ctx, event)
class Shipped(State):
    name = "shipped"
    def handle(self, ctx, event):
        if event == "deliver":
            return Delivered()
        return super().handle(ctx, event)
class Delivered(State):
    name = "delivered"
class Cancelled(State):
    name = "cancelled"
class Order:
    def __init__(self, oid):
        self.oid = oid
        self.log = []
        self.paid = False
        self.state = Idle()
        self.state.on_enter(self)
    def fire(self, event):
        try:
            nxt = self.state.handle(self, event)
        except TransitionError as e:
            self.log.append("rejected: " + str(e))
            return False
        self.state.on_exit(self)
        self.state = nxt
        nxt.on_enter(self)
        return True
    @property
    def terminal(self):
        return isinstance(self.state, (Delivered, Cancelled))
scripts = {
    1: ["order", "pay", "ship", "deliver"],
    2: ["order", "ship", "cancel", "pay"],
    3: ["pay", "order", "pay", "refund", "ship"],
}
for oid, events in scripts.items():
    o = Order(oid)
    results = [o.fire(e) for e in events]
    print(oid, o.state, results, "terminal" if o.terminal else "open", "paid" if o.paid else "unpaid")
    for line in o.log:
        print("   ", line)
