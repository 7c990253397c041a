/*
 * old_store.h: a progress store as version 1 of the player left it, with
 * two learners and three events of the first ("Old Timer"). Frozen here on
 * purpose: the tests that upgrade it keep checking old files even when the
 * store's code moves on.
 */
#ifndef HRC_TESTS_OLD_STORE_H
#define HRC_TESTS_OLD_STORE_H

static const char hrc_test_v1_store[] =
    "CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE learner(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL CHECK(length(CAST(name AS BLOB)) BETWEEN 1 AND 127), pin_hash TEXT,"
    " lang TEXT NOT NULL DEFAULT '',"
    " text_size INTEGER NOT NULL DEFAULT 100 CHECK(text_size IN (100, 150, 200)),"
    " high_contrast INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL);"
    "CREATE TABLE event(id INTEGER PRIMARY KEY,"
    " learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    " session_id TEXT NOT NULL, module_id TEXT NOT NULL, module_version INTEGER NOT NULL,"
    " content_hash TEXT NOT NULL DEFAULT '', item_id TEXT,"
    " item_revision INTEGER NOT NULL DEFAULT 0,"
    " verb TEXT NOT NULL CHECK(verb IN ('launched', 'viewed', 'answered', 'passed',"
    "  'failed', 'completed', 'suspended', 'resumed')),"
    " response TEXT, success INTEGER CHECK(success IN (0, 1)),"
    " score REAL CHECK(score BETWEEN 0 AND 1), hints_used INTEGER NOT NULL DEFAULT 0,"
    " attempt INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT 0,"
    " time_ms INTEGER NOT NULL, session_end TEXT NOT NULL DEFAULT 'none');"
    "CREATE INDEX event_by_learner_module ON event(learner_id, module_id, time_ms);"
    "CREATE TRIGGER event_append_only BEFORE UPDATE ON event"
    " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
    "CREATE TABLE summary(learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    " module_id TEXT NOT NULL, module_version INTEGER NOT NULL,"
    " resume_item TEXT NOT NULL DEFAULT '', completed INTEGER NOT NULL DEFAULT 0,"
    " success INTEGER NOT NULL DEFAULT 0, best_score REAL, last_score REAL,"
    " attempts INTEGER NOT NULL DEFAULT 0, time_spent_ms INTEGER NOT NULL DEFAULT 0,"
    " last_activity_ms INTEGER NOT NULL, n_events INTEGER NOT NULL,"
    " PRIMARY KEY(learner_id, module_id)) WITHOUT ROWID;"
    "PRAGMA user_version = 1;"
    "INSERT INTO learner(id, uuid, name, created_ms)"
    " VALUES(1, '0b5c3d4e-1111-4222-8333-944455556666', 'Old Timer', 1700000000000),"
    " (2, '0b5c3d4e-1111-4222-8333-944455556667', 'No Events Yet', 1700000000000);"
    "INSERT INTO event(learner_id, session_id, module_id, module_version, item_id, verb,"
    " time_ms) VALUES(1, 's1', 'm1-what-is', 1, NULL, 'launched', 1700000000000),"
    " (1, 's1', 'm1-what-is', 1, 'page-2', 'viewed', 1700000060000),"
    " (1, 's1', 'm1-what-is', 1, 'quiz', 'passed', 1700000090000);";

#endif
