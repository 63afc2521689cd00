#!/usr/bin/env python3
"""killround.py OUT N STAMPFILE...: SIGKILL supervised `stamp` programs N times in round robin over their
stamp files and write one restart latency (ms) per line: the replacement's own CLOCK_MONOTONIC start
stamp minus the time just before kill(2). A program is killed only once it has been up MIN_UP (1.2 s),
longer than every supervisor's crash-loop threshold (runsv/s6 1 s, armmond restart_healthy_ms 1 s), so
no restart delay applies and the figures are pure restart latency. Bounded: 10 s per restart."""
import os, signal, sys, time

def mono():
    return time.clock_gettime(time.CLOCK_MONOTONIC)

def last(path):
    with open(path) as f:
        lines = [l.split() for l in f if l.strip()]
    return len(lines), lines[-1] if lines else None

MIN_UP = 1.2
out, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for path in files:  # every program is up
    end = mono() + 30
    while mono() < end:
        if os.path.exists(path) and last(path)[0] > 0:
            break
        time.sleep(0.01)
    else:
        sys.exit(f"{path}: no start stamp")
time.sleep(1.2)  # every program has run longer than any 'healthy' threshold
with open(out, "w") as o:
    for i in range(n):
        path = files[i % len(files)]
        count, (pid, started) = last(path)
        wait = float(started) + MIN_UP - mono()
        if wait > 0:
            time.sleep(wait)
        t = mono()
        os.kill(int(pid), signal.SIGKILL)
        end = t + 10
        while True:
            c, line = last(path)
            if c > count:
                o.write(f"{(float(line[1]) - t) * 1000:.3f}\n")
                break
            if mono() > end:
                sys.exit(f"{path}: no restart within 10 s after kill {i}")
            time.sleep(0.0005)
print(f"{n} kills -> {out}")
