arrivals = [0, 1, 1, 2, 5, 6, 6, 6, 10, 11]
service = [3, 2, 1, 4, 1, 2, 2, 1, 3, 1]
clock = 0
waits = []
timeline = []
for i, (arr, svc) in enumerate(zip(arrivals, service)):
    start = max(clock, arr)
    wait = start - arr
    clock = start + svc
    waits.append(wait)
    timeline.append((i, arr, start, clock, wait))
for cust, arr, start, end, wait in timeline:
    print(f"cust {cust}: arrive={arr:>2} start={start:>2} end={end:>2} wait={wait}")
print("avg wait:", sum(waits) / len(waits), "max wait:", max(waits), "utilization:", f"{sum(service) / clock:.2%}")
idle = []
prev_end = 0
for _, arr, start, end, _ in timeline:
    if start > prev_end:
        idle.append((prev_end, start))
    prev_end = end
print("idle periods:", idle)
