#!/usr/bin/env python3
"""A PBX simulator for demos and load (issue 16): plays calls against Backstop's CTI endpoint in Zammad's Generic CTI
format and, with --listeners, measures event -> screen-pop latency on agents' pop streams.

  python3 pbx_simulator.py --base http://localhost:8080 --token demo-pbx --rate 2 --duration 60
  python3 pbx_simulator.py --rate 20 --duration 30 --listeners 200 --agent agent:demo   # the issue's benchmark

Calls arrive as a Poisson process per hotline; a share are VIP callers (numbers from --vip-numbers), a share abandon
while waiting, the rest are answered by an extension and hung up after a talk time. Only the standard library.
With --listeners N, N pop streams (/workspace/calls/events) are held open as the --agent user (one login, N
streams, as N open workspace pages); the latency of a newCall is from just before its POST until every stream got
the call's `call` event. Prints p50 / p95 / p99 of CTI responses and of pops.
"""
import argparse
import http.cookiejar
import json
import random
import re
import threading
import time
import urllib.parse
import urllib.request
import uuid

HOTLINES = ["4008001000", "4008002000", "4008003000"]


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


class Backstop:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token
        self.lock = threading.Lock()
        self.cti_ms = []

    def event(self, **fields):
        body = json.dumps(fields).encode()
        request = urllib.request.Request(self.base + "/api/v1/cti/" + self.token, data=body,
                                         headers={"Content-Type": "application/json"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read() or b"{}")
        with self.lock:
            self.cti_ms.append((time.perf_counter() - started) * 1000)
        return answer


class PopListeners:
    """N pop streams of one logged-in agent; records when each call id reached each stream."""

    def __init__(self, base, user, password, count):
        self.base = base.rstrip("/")
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = self.opener.open(self.base + "/login").read().decode()
        csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="_csrf"', page)
        form = {"username": user, "password": password}
        if csrf:
            form["_csrf"] = csrf.group(1)
        self.opener.open(self.base + "/login", data=urllib.parse.urlencode(form).encode())
        self.sent = {}
        self.seen = {}
        self.lock = threading.Lock()
        self.ready = threading.Semaphore(0)
        self.count = count
        for _ in range(count):
            threading.Thread(target=self.listen, daemon=True).start()
        for _ in range(count):
            self.ready.acquire()

    def listen(self):
        stream = self.opener.open(self.base + "/workspace/calls/events", timeout=3600)
        name = None
        popped = set()  # a call pops once per stream: its later changes (answer, hang-up) are not pops
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data = line[5:].strip()
                if data.startswith("{"):  # {"callId": ..., "state": ..., "desk": ...}
                    data = json.loads(data).get("callId", data)
                if name == "hello":
                    self.ready.release()
                elif name == "call" and data not in popped:
                    now = time.perf_counter()
                    with self.lock:
                        if data in self.sent:
                            popped.add(data)
                            self.seen.setdefault(data, []).append(now)

    def latencies_ms(self):
        with self.lock:
            return [(max(times) - self.sent[call]) * 1000 for call, times in self.seen.items()
                    if len(times) >= self.count and call in self.sent]


def play(backstop, listeners, args, rng, results):
    call_id = "sim-" + uuid.uuid4().hex
    hotline = rng.choice(HOTLINES)
    vip = args.vip_numbers and rng.random() < args.vip_share
    caller = rng.choice(args.vip_numbers) if vip else "13%09d" % rng.randrange(10 ** 9)
    base = {"from": caller, "to": hotline, "direction": "in", "callId": call_id}
    if listeners:
        with listeners.lock:
            listeners.sent[call_id] = time.perf_counter()
    answer = backstop.event(event="newCall", **base)
    if answer.get("action") == "reject":
        backstop.event(event="hangup", cause="busy", **base)
        results["rejected"] += 1
        return
    wait = rng.expovariate(1.0 / args.mean_wait)
    if rng.random() < args.abandon_share:
        time.sleep(min(wait, args.max_sleep))
        backstop.event(event="hangup", cause="cancel", **base)
        results["abandoned"] += 1
        return
    time.sleep(min(wait, args.max_sleep))
    extension = answer.get("number") or rng.choice(args.extensions)
    backstop.event(event="answer", answeringNumber=extension, **base)
    time.sleep(min(rng.expovariate(1.0 / args.mean_talk), args.max_sleep))
    backstop.event(event="recordingAvailable", callId=call_id, recording="https://pbx.example.com/rec/%s.mp3" % call_id)
    backstop.event(event="hangup", cause="normalClearing", answeringNumber=extension, **base)
    results["answered"] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--token", default="demo-pbx")
    parser.add_argument("--rate", type=float, default=1.0, help="calls per second over all hotlines")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of arrivals")
    parser.add_argument("--abandon-share", type=float, default=0.1)
    parser.add_argument("--vip-share", type=float, default=0.1)
    parser.add_argument("--vip-numbers", nargs="*", default=[])
    parser.add_argument("--extensions", nargs="*", default=["8001", "8002", "8003", "8004"])
    parser.add_argument("--mean-wait", type=float, default=8.0)
    parser.add_argument("--mean-talk", type=float, default=30.0)
    parser.add_argument("--max-sleep", type=float, default=120.0)
    parser.add_argument("--listeners", type=int, default=0, help="pop streams to hold open and measure")
    parser.add_argument("--agent", default="agent:demo", help="user:password whose pop streams are measured")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    backstop = Backstop(args.base, args.token)
    listeners = None
    if args.listeners:
        user, password = args.agent.split(":", 1)
        listeners = PopListeners(args.base, user, password, args.listeners)
    results = {"answered": 0, "abandoned": 0, "rejected": 0}
    print("playing %.1f calls/s for %.0f s against %s; watch %s/workspace/wallboard (supervisor / demo)"
          % (args.rate, args.duration, args.base, args.base.rstrip("/")), flush=True)
    threads = []
    end = time.perf_counter() + args.duration
    while time.perf_counter() < end:
        time.sleep(rng.expovariate(args.rate))
        thread = threading.Thread(target=play, args=(backstop, listeners, args, random.Random(rng.random()), results),
                                  daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(timeout=args.max_sleep * 3)
    print("calls: %d (answered %d, abandoned %d, rejected %d)" % (len(threads), results["answered"], results["abandoned"],
                                                                 results["rejected"]))
    print("CTI response ms: p50 %.1f p95 %.1f p99 %.1f (n=%d)" % (percentile(backstop.cti_ms, 50),
          percentile(backstop.cti_ms, 95), percentile(backstop.cti_ms, 99), len(backstop.cti_ms)))
    if listeners:
        time.sleep(2)
        pops = listeners.latencies_ms()
        print("screen pop ms on %d streams (all streams): p50 %.1f p95 %.1f p99 %.1f (n=%d)" % (
            args.listeners, percentile(pops, 50), percentile(pops, 95), percentile(pops, 99), len(pops)))


if __name__ == "__main__":
    main()
