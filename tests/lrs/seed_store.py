#!/usr/bin/env python3
"""Adds LEARNERS new learners with EVENTS answers each to a progress store,
with plain SQL in one transaction: fast enough for a million events, for
the LRS sync tests and benchmarks. Summaries are not derived (the sync
reads only the event log).

    seed_store.py STORE.db LEARNERS EVENTS

The store must exist (hrc-player or progress_driver made it): its device id
and schema are used as they are.
"""
import sqlite3
import sys

SQL = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :learners)
INSERT INTO learner(uuid, name, home_device, created_ms)
  SELECT printf('%08x-5eed-4000-8000-%012x', abs(random()) % 4294967296, i),
         'Seeded ' || :batch || '-' || i,
         (SELECT value FROM setting WHERE key = 'device_id'), 1767225600000 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n
                        WHERE i < :learners * :events - 1),
     base(dev, seq0) AS (SELECT (SELECT value FROM setting WHERE key = 'device_id'),
                                (SELECT coalesce(max(seq), 0) FROM event)),
     people(id, k) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM learner
                       WHERE name LIKE 'Seeded ' || :batch || '-%')
INSERT INTO event(learner_id, session_id, module_id, module_version, content_hash, item_id,
                  item_revision, verb, response, success, score, hints_used, attempt,
                  duration_ms, time_ms, session_end, device_id, seq)
  SELECT p.id, printf('%08x-5e55-4000-8000-%012x', p.id, i / 10), 'module-' || (i % 7),
         1, 'cafe', 'q' || (i % 40), 1, 'answered', 'answer «' || i || '»', i % 2,
         (i % 2) * 1.0, 0, 1, 1500 + i % 1000, 1767225600000 + i * 1000, 'none',
         base.dev, base.seq0 + i + 1
  FROM n JOIN people p ON p.k = i % :learners, base;
"""


def main():
    path, learners, events = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("BEGIN IMMEDIATE")
    batch = db.execute("SELECT count(*) FROM learner").fetchone()[0]
    params = {"learners": learners, "events": events, "batch": batch}
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute(statement, params)
    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
