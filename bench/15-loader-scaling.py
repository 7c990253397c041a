#!/usr/bin/env python3
"""Loader scaling: how load time grows with hostile shapes, next to xmllint.

For each shape (one page with very many paragraphs, one paragraph with
very many spans, ...) a module with N and with 2N repetitions is loaded by
`hrc-player --validate` and checked by `xmllint --relaxng`. Linear work
doubles the time (growth 2.0); quadratic work quadruples it (4.0). The
target is growth <= 2.6 for the player; xmllint's figures are the baseline
from the same run, so a shape where both grow alike points at libxml2.

    bench/15-loader-scaling.py BUILD_DIR        (usually through bench/run)

Environment: BENCH_SCALE_N (default 20000). Exit status is 1 only when a
program crashes or a module that should load does not.
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GROWTH_TARGET = 2.6
TIMEOUT_S = 120

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<module format="1" id="scale" version="1" xml:lang="en">\n'
        '<meta><title>T</title><summary>S</summary><author>A</author>'
        '<licence>L</licence></meta>\n')


def paragraphs(n):
    return HEAD + '<page id="p"><title>T</title>' + "<p>x</p>" * n + "</page></module>\n"


def spans(n):
    return (HEAD + '<page id="p"><title>T</title><p>' + "<em>x</em> " * n
            + "</p></page></module>\n")


def languages(n):
    return (HEAD + '<page id="p"><title>T</title>'
            + "".join(f'<title xml:lang="x-l{i}">T</title>' for i in range(n))
            + "</page></module>\n")


def choices(n):
    return (HEAD + '<quiz id="q" pass="50" attempts="1"><title>Q</title>'
            '<multiple id="m" rev="1"><prompt>P</prompt>'
            + "".join(f'<choice id="c{i}" correct="yes"><text>x</text></choice>'
                      for i in range(n))
            + "<explanation>E</explanation></multiple></quiz></module>\n")


def pages(n):
    return HEAD + "".join(f'<page id="p{i}"><title>T</title></page>\n'
                          for i in range(n)) + "</module>\n"


def attributes(n):
    # Unknown attributes: refused by the schema, but parsed first.
    return (HEAD + '<page id="p" ' + " ".join(f'a{i}="x"' for i in range(n // 2))
            + "><title>T</title></page></module>\n")


SHAPES = [
    ("pages, one after another", pages),
    ("paragraphs in one page", paragraphs),
    ("spans in one paragraph", spans),
    ("languages of one title", languages),
    ("choices in one question", choices),
    ("attributes on one tag (N/2)", attributes),
]


def timed(argv):
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, None
    return time.perf_counter() - start, proc.returncode


def fmt(t):
    return f"{t:8.2f}" if t is not None else f"{'>' + str(TIMEOUT_S):>8}"


def growth(t1, t2):
    if t1 is None or t2 is None:
        return None
    return t2 / t1 if t1 > 0 else float("inf")


def main():
    if len(sys.argv) != 2:
        print("usage: 15-loader-scaling.py BUILD_DIR", file=sys.stderr)
        return 2
    build = os.path.abspath(sys.argv[1])
    player = os.path.join(build, "hrc-player")
    schema = os.path.join(ROOT, "courses", "schema", "module.rng")
    if not os.access(player, os.X_OK):
        print(f"no player at {player}: build it first (make build)", file=sys.stderr)
        return 1
    n = int(os.environ.get("BENCH_SCALE_N", "20000"))
    work = os.path.join(build, "bench-data", "scaling")
    os.makedirs(work, exist_ok=True)

    failed = False
    print(f"Loader scaling: time for N={n} and 2N repetitions of one shape "
          f"(growth 2.0 = linear, 4.0 = quadratic)")
    print(f"  {'shape':30}{'player N':>9}{'2N':>9}{'growth':>8}"
          f"{'xmllint N':>11}{'2N':>9}{'growth':>8}   target <= {GROWTH_TARGET}")
    for name, make in SHAPES:
        row = {}
        for tool in ("player", "xmllint"):
            times = []
            for k in (n, 2 * n):
                path = os.path.join(work, f"{make.__name__}-{k}.xml")
                if tool == "player":  # cheap to write; never stale
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(make(k))
                argv = ([player, "--validate", path] if tool == "player" else
                        ["xmllint", "--noout", "--relaxng", schema, path])
                t, code = timed(argv)
                # 0: valid, 1: refused (both fine here); anything else is a crash.
                if code is not None and code not in (0, 1, 3):
                    print(f"  {tool} exited with {code} on {path}", file=sys.stderr)
                    failed = True
                times.append(t)
            row[tool] = times
        gp = growth(*row["player"])
        gx = growth(*row["xmllint"])
        verdict = "FAIL" if gp is None or gp > GROWTH_TARGET else "PASS"
        print(f"  {name:30}{fmt(row['player'][0])}{fmt(row['player'][1])}"
              f"{(f'{gp:8.2f}' if gp is not None else '       -')}"
              f"{fmt(row['xmllint'][0]):>11}{fmt(row['xmllint'][1])}"
              f"{(f'{gx:8.2f}' if gx is not None else '       -')}   {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
