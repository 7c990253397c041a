#!/usr/bin/env python3
"""Loader benchmark: hrc-player --validate against xmllint on one large module.

Both tools read and validate the same generated file (5,000 pages, 10,000
questions) in the same run, alternating, several times; the median wall
time and the highest peak RSS of each are compared with the targets:
player time <= 1.5 x xmllint time, player peak RSS <= 3 x file size + 10 MB.

    bench/10-loader.py BUILD_DIR        (usually through bench/run)

Environment: BENCH_RUNS (default 5), BENCH_PAGES, BENCH_QUESTIONS.
Exits 1 only when a run fails (non-zero exit status); missing targets are
reported, not failed.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIME_RATIO_TARGET = 1.5
RSS_FACTOR, RSS_EXTRA_MB = 3, 10


def run_measured(argv):
    """Runs argv once; returns (wall seconds, peak RSS in MB, status, stderr)."""
    with tempfile.TemporaryFile() as err, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, null.fileno(), 1),
                                            (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])
        # wait4 gives this child's own rusage, not the running maximum of all.
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), tail


def generate(path, pages, questions):
    stamp = f"{pages} {questions} {os.path.getmtime(os.path.join(HERE, 'gen_module.py'))}"
    stamp_path = path + ".stamp"
    if os.path.exists(path) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if f.read() == stamp:
                return
    subprocess.run([sys.executable, os.path.join(HERE, "gen_module.py"), path,
                    "--pages", str(pages), "--questions", str(questions)], check=True)
    with open(stamp_path, "w") as f:
        f.write(stamp)


def verdict(ok):
    return "PASS" if ok else "FAIL"


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: 10-loader.py BUILD_DIR", file=sys.stderr)
        return 2
    build = os.path.abspath(sys.argv[1])
    player = os.path.join(build, "hrc-player")
    schema = os.path.join(ROOT, "courses", "schema", "module.rng")
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    pages = int(os.environ.get("BENCH_PAGES", "5000"))
    questions = int(os.environ.get("BENCH_QUESTIONS", "10000"))
    if not os.access(player, os.X_OK):
        print(f"no player at {player}: build it first (make build)", file=sys.stderr)
        return 1

    work = os.path.join(build, "bench-data", "loader")
    os.makedirs(work, exist_ok=True)
    module = os.path.join(work, "large.xml")
    generate(module, pages, questions)
    size_mb = os.path.getsize(module) / (1024.0 * 1024.0)

    tools = [
        ("xmllint --relaxng", ["xmllint", "--noout", "--relaxng", schema, module]),
        ("hrc-player --validate", [player, "--validate", module]),
    ]
    walls = {name: [] for name, _ in tools}
    rss = {name: [] for name, _ in tools}
    failed = False
    for i in range(runs):
        # Alternate the order so that neither tool always gets a warm cache.
        for name, argv in (tools if i % 2 == 0 else tools[::-1]):
            wall, peak, code, tail = run_measured(argv)
            if code != 0:
                print(f"{name} exited with {code}:\n{tail}", file=sys.stderr)
                failed = True
            walls[name].append(wall)
            rss[name].append(peak)
        if failed:
            break

    lint, play = (name for name, _ in tools)
    t_lint, t_play = statistics.median(walls[lint]), statistics.median(walls[play])
    m_lint, m_play = max(rss[lint]), max(rss[play])
    ratio = t_play / t_lint if t_lint > 0 else float("inf")
    rss_target = RSS_FACTOR * size_mb + RSS_EXTRA_MB

    print(f"Module loading: {module}")
    print(f"  {size_mb:.1f} MB, {pages} pages, {questions} questions; "
          f"median of {len(walls[play])} runs, alternating")
    print(f"  {'':24}{'wall (s)':>10}{'peak RSS (MB)':>16}")
    print(f"  {lint:24}{t_lint:>10.3f}{m_lint:>16.1f}")
    print(f"  {play:24}{t_play:>10.3f}{m_play:>16.1f}")
    print(f"  time ratio player/xmllint  {ratio:6.2f}   target <= {TIME_RATIO_TARGET:.2f}"
          f"   {verdict(ratio <= TIME_RATIO_TARGET)}")
    print(f"  player peak RSS  {m_play:9.1f} MB   target <= {RSS_FACTOR} x {size_mb:.1f}"
          f" + {RSS_EXTRA_MB} = {rss_target:.1f} MB   {verdict(m_play <= rss_target)}")
    if failed:
        print("  (a run failed: figures above are not meaningful)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
