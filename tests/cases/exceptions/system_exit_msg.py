print("exiting with message")
raise SystemExit("fatal: configuration missing")
