#!/usr/bin/env python3
"""Trainer's benchmark: the class dashboard, the report and the certificates.

Two classes, seeded by class_seed (tests/progress/class_seed.c):
  - 30 learners on the bundled course (4 modules, 44 questions);
  - 1,000 learners on 10 generated modules (bench/gen_module.py, 10
    questions each).
For each: the dashboard's store queries (bench/trainer/trainer_bench.c:
hrc_progress_class_table and the item statistics, next to
hrc_progress_list_all, what the facilitator screen read before), then the
median wall time and the peak RSS of
  hrc-player --export FILE.csv   (the baseline: the same store, one file)
  hrc-player --report FILE.pdf
  hrc-player --certificates DIR  (one signed PDF per learner who finished)
Targets: dashboard under 100 ms for the class of 30; the 1,000-learner
report under 5 s.

    bench/50-trainer.py BUILD_DIR        (usually through bench/run)

Environment: BENCH_RUNS (default 3). The seeded stores and the generated
course stay in BUILD_DIR/bench-data/trainer between runs.
Exits 1 only when something it runs fails; missing targets are reported.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DASHBOARD_TARGET_MS = 100.0
REPORT_TARGET_S = 5.0


def run_measured(argv, env):
    """Runs argv once; returns (wall seconds, peak RSS in MB, status, output)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, env,
                              file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                                            (os.POSIX_SPAWN_DUP2, out.fileno(), 2)])
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read()[-4000:].decode("utf-8", "replace")
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), text


def course_of_ten(work):
    folder = os.path.join(work, "course-10")
    stamp = os.path.join(folder, ".stamp")
    mark = str(os.path.getmtime(os.path.join(HERE, "gen_module.py")))
    if os.path.exists(stamp) and open(stamp).read() == mark:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i in range(1, 11):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_module.py"),
                        os.path.join(folder, f"m{i:02d}.xml"), "--pages", "3",
                        "--questions", "10", "--cases", "1", "--seed", str(i),
                        "--id", f"bench-m{i:02d}", "--no-images"], check=True)
    with open(stamp, "w") as f:
        f.write(mark)
    return folder


def seeded(build, work, course, name, learners, group):
    """A store with the class, made once (bulk) and kept."""
    store = os.path.join(work, name)
    stamp = os.path.join(store, ".stamp")
    seed = os.path.join(build, "tests", "class_seed")
    mark = f"{learners} {os.path.getmtime(seed)}"
    if os.path.exists(stamp) and open(stamp).read() == mark:
        return store
    shutil.rmtree(store, ignore_errors=True)
    env = dict(os.environ, CLASS_SEED_BULK="1")
    start = time.perf_counter()
    subprocess.run([seed, course, store, str(learners), group], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    print(f"  (seeded {learners} learners in {time.perf_counter() - start:.1f} s)")
    with open(stamp, "w") as f:
        f.write(mark)
    return store


def dashboard(build, course, store, group, runs):
    out = subprocess.run([os.path.join(build, "tests", "trainer_bench"), course, store, group,
                          str(runs)], capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stdout + out.stderr)
        return None
    median = None
    for line in out.stdout.splitlines():
        if line.startswith("dashboard_median_ms "):
            median = float(line.split()[1])
        else:
            print(line)
    return median


def papers(player, course, store, group, runs, out):
    """Median wall time and peak RSS of the export, the report, the certificates."""
    env = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8")
    commands = [
        ("--export (baseline)", ["--export", os.path.join(out, "class.csv")]),
        ("--report", ["--report", os.path.join(out, "class.pdf"), "--group", group, course]),
        ("--certificates", ["--certificates", os.path.join(out, "certificates"), "--group",
                            group, course]),
    ]
    results = {}
    for label, args in commands:
        walls, rss = [], 0.0
        for _ in range(runs):
            shutil.rmtree(os.path.join(out, "certificates"), ignore_errors=True)
            wall, peak, status, text = run_measured([player, "--data-dir", store] + args, env)
            if status != 0:
                print(f"  {label} failed ({status}):\n{text}")
                return None
            walls.append(wall)
            rss = max(rss, peak)
            note = text.strip().splitlines()[-1] if text.strip() else ""
        results[label] = (statistics.median(walls), rss, note)
    return results


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: 50-trainer.py BUILD_DIR", file=sys.stderr)
        return 2
    build = os.path.abspath(sys.argv[1])
    player = os.path.join(build, "hrc-player")
    for tool in (player, os.path.join(build, "tests", "class_seed"),
                 os.path.join(build, "tests", "trainer_bench")):
        if not os.access(tool, os.X_OK):
            print(f"no {tool}: build the player and its tests first (make build)")
            return 0
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    work = os.path.join(build, "bench-data", "trainer")
    os.makedirs(work, exist_ok=True)
    classes = [
        ("class of 30, 4 modules", os.path.join(ROOT, "courses", "human-rights-cities"),
         "class-30", 30, "Class of 30"),
        ("class of 1,000, 10 modules", course_of_ten(work), "class-1000", 1000, "Big class"),
    ]
    ok = True
    dash30 = report1000 = None
    for title, course, name, learners, group in classes:
        print(f"== {title}")
        store = seeded(build, work, course, name, learners, group)
        median = dashboard(build, course, store, group, 21 if learners <= 100 else 5)
        if median is None:
            ok = False
            continue
        if learners == 30:
            dash30 = median
        out = os.path.join(work, name + "-out")
        os.makedirs(out, exist_ok=True)
        results = papers(player, course, store, group, runs, out)
        if results is None:
            ok = False
            continue
        print(f"  median of {runs} runs           wall (s)   peak RSS (MB)")
        for label, (wall, rss, note) in results.items():
            print(f"  {label:<28} {wall:8.3f}   {rss:10.1f}    {note}")
        if learners == 1000:
            report1000 = results["--report"][0]
        print()
    if dash30 is not None:
        print(f"dashboard, class of 30: {dash30:.1f} ms   target <= {DASHBOARD_TARGET_MS:.0f} ms"
              f"   {'PASS' if dash30 <= DASHBOARD_TARGET_MS else 'FAIL'}")
    if report1000 is not None:
        print(f"report, 1,000 learners: {report1000:.2f} s   target <= {REPORT_TARGET_S:.0f} s"
              f"   {'PASS' if report1000 <= REPORT_TARGET_S else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
