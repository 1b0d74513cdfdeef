attempt_log = []
def flaky(call_no, fail_until):
    if call_no < fail_until:
        raise ConnectionError(f"transient failure #{call_no}")
    return {"status": 200, "call": call_no}
def with_retries(fail_until, max_attempts=4, base_delay=0.5):
    delay = base_delay
    for attempt in range(1, max_attempts + 1):
        try:
            result = flaky(attempt, fail_until)
            attempt_log.append(f"attempt {attempt}: ok")
            return result
        except ConnectionError as e:
            attempt_log.append(f"attempt {attempt}: {e}; would sleep {delay:.2f}s")
            delay = min(delay * 2, 3.0)
    raise TimeoutError(f"gave up after {max_attempts} attempts")
for fu in [1, 3, 10]:
    attempt_log.clear()
    try:
        print("result:", with_retries(fu))
    except TimeoutError as e:
        print("TimeoutError:", e)
    for line in attempt_log:
        print("   ", line)
