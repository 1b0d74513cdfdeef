print("start")
print("%d items" % "three")
