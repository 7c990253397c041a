#!/usr/bin/env python3
"""LRS sync benchmark.

1. Throughput: hrc-player --sync against curl posting the same statements
   in the same batches to the same LRS (Learning Locker's xapi-statements
   over redis-server, as in the tests), in the same run, alternating, each
   run on a freshly started LRS. curl gets its best case: one process for
   all batches, its connection kept alive, bodies written beforehand. The
   player reads the store, writes the JSON and commits each batch's
   acknowledgement (synchronous=FULL) before the next.
   Target: player time <= 1.25 x curl time.
2. Memory: peak RSS of a sync of 100,000 and of 1,000,000 statements (to a
   stub LRS that acknowledges without storing: Learning Locker's in-memory
   model would need gigabytes). Target: bounded, the million no more than
   the hundred thousand + 5 MB.

    bench/45-lrs.py BUILD_DIR        (usually through bench/run)

Environment: BENCH_RUNS (3), BENCH_LRS_STATEMENTS (20000), BENCH_LRS_BATCH
(100), BENCH_LRS_BIG (1000000; 0 skips the memory part).
Exits 1 only when a run fails; missing targets are reported, not failed.
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LRS_TESTS = os.path.join(ROOT, "tests", "lrs")
TIME_RATIO_TARGET = 1.25
RSS_SLACK_MB = 5


SPLIT = """
import json, os, sys
statements = json.load(open(sys.argv[1]))
batch = int(sys.argv[3])
for i in range(0, len(statements), batch):
    with open(os.path.join(sys.argv[2], "%06d.json" % (i // batch)), "w") as f:
        json.dump(statements[i:i + batch], f, ensure_ascii=False, separators=(",", ":"))
"""


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, limit=30):
    end = time.time() + limit
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def run_measured(argv, env=None, stdout=None):
    """Runs argv once; returns (wall seconds, peak RSS in MB, status, stderr)."""
    with tempfile.TemporaryFile() as err, open(os.devnull, "wb") as null:
        out = stdout if stdout is not None else null
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, env or os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                                            (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), tail


class Lrs:
    """redis-server and xapi-statements on free ports, in a scratch folder."""

    def __init__(self, node_dir, work):
        self.work = tempfile.mkdtemp(dir=work)
        redis_port, self.port = free_port(), free_port()
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_port(redis_port, 10):
            raise RuntimeError("redis-server did not start")
        env = dict(os.environ, AUTH_REPO="test", MODELS_REPO="memory", STORAGE_REPO="local",
                   EVENTS_REPO="redis", REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
                   EXPRESS_PORT=str(self.port), WINSTON_CONSOLE_LEVEL="error",
                   NODE_NO_WARNINGS="1")
        self.node = subprocess.Popen(
            ["node", os.path.join(node_dir, "node_modules", "xapi-statements", "dist",
                                  "index.js")],
            cwd=self.work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_port(self.port, 60):
            raise RuntimeError("the LRS did not start")
        self.url = f"http://127.0.0.1:{self.port}/xAPI"

    def stop(self):
        for p in (self.node, self.redis):
            p.terminate()
            p.wait()
        shutil.rmtree(self.work, ignore_errors=True)


def make_store(hrc_build, path, learners, events):
    """A store of learners x events statements, kept between runs."""
    stamp = f"{learners} {events}"
    db = os.path.join(path, "progress.db")
    if os.path.exists(db) and os.path.exists(path + ".stamp"):
        with open(path + ".stamp") as f:
            if f.read() == stamp:
                return
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run([os.path.join(hrc_build, "tests", "progress_driver"), "open", path],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, os.path.join(LRS_TESTS, "seed_store.py"), db,
                    str(learners), str(events)], check=True)
    with open(path + ".stamp", "w") as f:
        f.write(stamp)


def fresh_copy(src, dst):
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)
    shutil.copy(os.path.join(src, "progress.db"), dst)


def player_env(work, endpoint, batch):
    conf_dir = os.path.join(work, "config", "hrc-player")
    os.makedirs(conf_dir, exist_ok=True)
    conf = os.path.join(conf_dir, "lrs.conf")
    with open(conf, "w") as f:
        f.write(f"endpoint = {endpoint}\nkey = bench\nsecret = bench\nbatch = {batch}\n")
    os.chmod(conf, 0o600)
    env = {k: v for k, v in os.environ.items()
           if not k.lower().endswith("_proxy") and not k.startswith("HRC_LRS_")}
    env["XDG_CONFIG_HOME"] = os.path.join(work, "config")
    return env


def throughput(build, node_dir, work, n, batch, runs):
    hrc = os.path.join(build, "hrc-player")
    learners = 50
    store = os.path.join(work, f"store-{n}")
    make_store(build, store, learners, n // learners)
    n = (n // learners) * learners
    export = os.path.join(work, "export.json")
    subprocess.run([hrc, "--export", export, "--data-dir", store], check=True,
                   stdout=subprocess.DEVNULL)
    bodies = os.path.join(work, "bodies")
    shutil.rmtree(bodies, ignore_errors=True)
    os.makedirs(bodies)
    # Split in another process: a child started from a large process counts
    # that process's memory in its peak RSS (Linux keeps the high-water
    # mark across exec), which would spoil the memory figures below.
    subprocess.run([sys.executable, "-c", SPLIT, export, bodies, str(batch)], check=True)
    files = sorted(os.path.join(bodies, name) for name in os.listdir(bodies))
    body_bytes = sum(os.path.getsize(p) for p in files)
    times = {"curl": [], "player": []}
    for r in range(runs):
        for who in (("curl", "player") if r % 2 == 0 else ("player", "curl")):
            lrs = Lrs(node_dir, work)
            try:
                if who == "curl":
                    cfg = os.path.join(work, "curl.cfg")
                    with open(cfg, "w") as f:
                        for k, path in enumerate(files):
                            if k:
                                f.write("next\n")
                            f.write(f'url = "{lrs.url}/statements"\n'
                                    f'data-binary = "@{path}"\n'
                                    'header = "Content-Type: application/json"\n'
                                    'header = "X-Experience-API-Version: 1.0.3"\n'
                                    'header = "Expect:"\n'
                                    'user = "bench:bench"\n'
                                    'output = "/dev/null"\n'
                                    'write-out = "%{http_code}\\n"\n')
                    with tempfile.TemporaryFile() as out:
                        wall, _, status, err = run_measured(
                            ["curl", "-s", "--config", cfg], stdout=out)
                        out.seek(0)
                        codes = out.read().decode().split()
                    if status != 0 or codes != ["200"] * len(files):
                        raise RuntimeError(f"curl failed ({status}): {err} {set(codes)}")
                else:
                    copy = os.path.join(work, "player-store")
                    fresh_copy(store, copy)
                    env = player_env(work, lrs.url, batch)
                    with tempfile.TemporaryFile() as out:
                        wall, _, status, err = run_measured(
                            [hrc, "--sync", "--data-dir", copy], env=env, stdout=out)
                        out.seek(0)
                        said = out.read().decode()
                    if status != 0 or f"Sent {n} statements" not in said:
                        raise RuntimeError(f"hrc-player --sync failed ({status}): {said} {err}")
                times[who].append(wall)
            finally:
                lrs.stop()
    c, p = statistics.median(times["curl"]), statistics.median(times["player"])
    print(f"Sync throughput: {n} statements in batches of {batch} "
          f"({len(files)} requests, {body_bytes / 1e6:.1f} MB of JSON), "
          f"to Learning Locker's xapi-statements; median of {runs}, alternating")
    print("                              wall (s)   statements/s")
    print(f"  curl, one process           {c:8.2f}   {n / c:12.0f}")
    print(f"  hrc-player --sync           {p:8.2f}   {n / p:12.0f}")
    ratio = p / c
    print(f"  time ratio player/curl      {ratio:8.2f}   target <= {TIME_RATIO_TARGET:.2f}   "
          f"{'PASS' if ratio <= TIME_RATIO_TARGET else 'FAIL'}")
    print(f"  per statement: {body_bytes / n:.0f} bytes of JSON; per request: "
          f"{body_bytes / len(files) / 1e3:.1f} kB")


def memory(build, work, big, batch):
    hrc = os.path.join(build, "hrc-player")
    port = free_port()
    stub = subprocess.Popen([sys.executable, os.path.join(HERE, "lrs", "stub_lrs.py"),
                             str(port)], stdout=subprocess.DEVNULL)
    try:
        if not wait_port(port, 10):
            raise RuntimeError("the stub LRS did not start")
        rows = []
        for n in (big // 10, big):
            learners = 1000
            store = os.path.join(work, f"store-{n}")
            start = time.perf_counter()
            make_store(build, store, learners, n // learners)
            made = time.perf_counter() - start
            copy = os.path.join(work, "memory-store")
            fresh_copy(store, copy)
            env = player_env(work, f"http://127.0.0.1:{port}/xAPI", batch)
            with tempfile.TemporaryFile() as out:
                wall, rss, status, err = run_measured(
                    [hrc, "--sync", "--data-dir", copy], env=env, stdout=out)
                out.seek(0)
                said = out.read().decode().strip()
            if status != 0:
                raise RuntimeError(f"hrc-player --sync failed ({status}): {said} {err}")
            size = os.path.getsize(os.path.join(copy, "progress.db"))
            rows.append((n, wall, rss, size, made))
        shutil.rmtree(os.path.join(work, "memory-store"), ignore_errors=True)
    finally:
        stub.terminate()
        stub.wait()
    print(f"Sync memory: batches of {batch}, to a stub LRS that acknowledges without storing")
    print("  statements   store (MB)   wall (s)   statements/s   peak RSS (MB)")
    for n, wall, rss, size, _ in rows:
        print(f"  {n:10d}   {size / 1e6:10.0f}   {wall:8.1f}   {n / wall:12.0f}   {rss:13.1f}")
    small, large = rows[0][2], rows[1][2]
    ok = large <= small + RSS_SLACK_MB
    print(f"  peak RSS {rows[1][0]} vs {rows[0][0]}: {large:.1f} MB vs {small:.1f} MB   "
          f"target <= +{RSS_SLACK_MB} MB   {'PASS' if ok else 'FAIL'}")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: 45-lrs.py BUILD_DIR")
    build = os.path.abspath(sys.argv[1])
    hrc = os.path.join(build, "hrc-player")
    if not os.access(hrc, os.X_OK) or not os.path.exists(
            os.path.join(build, "tests", "progress_driver")):
        print(f"no {hrc} or progress_driver: build first")
        return 0
    for tool in ("node", "npm", "redis-server", "curl"):
        if not shutil.which(tool):
            print(f"{tool} is missing (make deps installs it): skipped")
            return 0
    node_dir = os.path.join(build, "tests", "lrs-node")
    if subprocess.run(["bash", os.path.join(LRS_TESTS, "setup.sh"), node_dir],
                      stdout=subprocess.DEVNULL).returncode != 0:
        print("the LRS could not be installed (npm): skipped")
        return 0
    work = os.path.join(build, "bench-data", "lrs")
    os.makedirs(work, exist_ok=True)
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    n = int(os.environ.get("BENCH_LRS_STATEMENTS", "20000"))
    batch = int(os.environ.get("BENCH_LRS_BATCH", "100"))
    big = int(os.environ.get("BENCH_LRS_BIG", "1000000"))
    try:
        throughput(build, node_dir, work, n, batch, runs)
        if big > 0:
            print()
            memory(build, work, big, 500)
    except (RuntimeError, subprocess.CalledProcessError) as e:
        print(f"FAILED: {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
