#!/usr/bin/env python3
"""Checks an export: every xAPI statement has the required fields, and the
CSV reads back to the same values as the store's summaries.
Usage: check_export.py OUT.json OUT.csv SUMMARY.tsv N_EVENTS"""
import csv
import json
import re
import sys

UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
DURATION = re.compile(r"^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$")
VERBS = {"launched", "experienced", "answered", "passed", "failed", "completed",
         "suspended", "resumed"}
EXT = "urn:hrc-player:ext:"


def check_json(path, n_events):
    with open(path, encoding="utf-8") as f:
        statements = json.load(f)
    assert isinstance(statements, list), "not an array"
    assert len(statements) == n_events, f"{len(statements)} statements, {n_events} events"
    ids = set()
    for i, s in enumerate(statements):
        where = f"statement {i}"
        assert UUID4.match(s["id"]), where + ": id"
        ids.add(s["id"])
        account = s["actor"]["account"]
        assert account["homePage"].startswith("urn:hrc-player:kiosk:"), where
        assert UUID4.match(account["name"]), where + ": learner"
        verb = s["verb"]["id"]
        assert verb.startswith("http://adlnet.gov/expapi/verbs/"), where
        assert verb.rsplit("/", 1)[1] in VERBS, where + ": verb"
        assert s["object"]["id"].startswith("urn:hrc-player:module:module-"), where
        assert TIME.match(s["timestamp"]), where + ": timestamp"
        assert UUID4.match(s["context"]["registration"]), where + ": registration"
        ext = s["context"]["extensions"]
        assert re.match(r"^[0-9a-f]{32}$", ext[EXT + "device-id"]), where
        assert account["homePage"].endswith(ext[EXT + "device-id"]), where
        assert isinstance(ext[EXT + "sequence"], int) and ext[EXT + "sequence"] > 0, where
        result = s["result"]
        assert DURATION.match(result["duration"]), where + ": duration"
        if "score" in result:
            assert 0 <= result["score"]["scaled"] <= 1, where + ": score"
        if verb.endswith("/answered"):
            assert isinstance(result["success"], bool) and "response" in result, where
        if verb.endswith(("/passed", "/failed")):
            assert result["success"] == verb.endswith("/passed"), where
        if verb.endswith("/completed"):
            assert result["completion"] is True, where
    assert len(ids) == len(statements), "statement ids repeat"
    return len(statements)


def check_csv(path, summary_path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    assert header[:3] == ["Learner", "Module", "Completion"], header
    with open(summary_path, encoding="utf-8") as f:
        expected = [line.rstrip("\n").split("\t") for line in f]
    assert len(rows) == len(expected), f"{len(rows)} CSV rows, {len(expected)} summaries"
    success_names = {"0": "unknown", "1": "passed", "2": "failed"}
    for row, (name, module, completed, success, best, last, attempts, spent_ms,
              _events) in zip(rows, expected):
        want = [name, module, "completed" if completed == "1" else "incomplete",
                success_names[success], f"{float(best) * 100:.1f}",
                f"{float(last) * 100:.1f}", attempts, str(int(spent_ms) // 1000)]
        assert row[:8] == want, f"CSV row {row} != {want}"
        assert TIME.match(row[8]) and UUID4.match(row[9]), row
    return len(rows)


if __name__ == "__main__":
    n = check_json(sys.argv[1], int(sys.argv[4]))
    m = check_csv(sys.argv[2], sys.argv[3])
    print(f"{n} xAPI statements valid; {m} CSV rows read back equal")
