#!/usr/bin/env python3
"""A webhook receiver for the delivery benchmark: answers 200 at once, and per message records when it arrived and
the body's timestamp (the decision's asOf). SIGUSR1 forgets what it received (after a warm-up); SIGTERM/SIGINT prints: messages, deliveries per second while they
flowed, and the delay from the event to its arrival (p50, p90, p99, max).

    python3 src/jmh/wrk/webhook-receiver.py 18099
"""
import json
import signal
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

arrivals = []
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        now = time.time()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        try:
            stamp = datetime.fromisoformat(json.loads(body)["timestamp"].replace("Z", "+00:00")).timestamp()
        except (ValueError, KeyError):
            stamp = now
        with lock:
            arrivals.append((now, now - stamp))

    def log_message(self, *args):
        pass


def report(*_):
    with lock:
        done = sorted(arrivals)
    if not done:
        print("no message received")
    else:
        delays = sorted(d for _, d in done)
        span = done[-1][0] - done[0][0]
        pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
        print(f"messages {len(done)}; {len(done) / span if span > 0 else float('nan'):.0f} per second over {span:.1f} s; "
              f"delay p50 {pick(0.5):.2f} s, p90 {pick(0.9):.2f} s, p99 {pick(0.99):.2f} s, max {delays[-1]:.2f} s", flush=True)
    sys.exit(0)


def reset(*_):
    with lock:
        arrivals.clear()


signal.signal(signal.SIGUSR1, reset)
signal.signal(signal.SIGTERM, report)
signal.signal(signal.SIGINT, report)
ThreadingHTTPServer.request_queue_size = 256
server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 18099), Receiver)
server.daemon_threads = True
server.serve_forever()
