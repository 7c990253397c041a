/*
 * progress_groups.c: groups of learners (a training session), the group
 * new learners join, and moving learners between groups. See progress.h.
 */
#include "io/progress_internal.h"

#include "core/names.h"

#include <stdlib.h>
#include <string.h>

#define OPEN_GROUP_SETTING "open_group"

/* Stores of an older schema, opened read-only, have no groups. */
static bool has_groups(const hrc_progress *s)
{
    return s->schema_version >= 6;
}

static int require_groups(hrc_progress *s)
{
    if (!has_groups(s))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_READONLY,
                                 "this store has no groups yet: the player adds them when it "
                                 "next opens the store for writing");
    return HRC_PROGRESS_OK;
}

/* A facilitator's change: writable, unlocked, of the current schema. */
static int require_facilitator(hrc_progress *s)
{
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    if (!r)
        r = require_groups(s);
    return r;
}

bool hrc_progress_day_is_valid(const char *day)
{
    if (!day || strlen(day) != 10 || day[4] != '-' || day[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (day[i] < '0' || day[i] > '9'))
            return false;
    int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* Trims and checks a group's name into out (HRC_GROUP_NAME_MAX bytes). */
static int clean_group_name(hrc_progress *s, const char *name, char *out)
{
    hrc_name_problem p = hrc_name_clean(name, out, HRC_GROUP_NAME_MAX);
    if (p == HRC_NAME_OK)
        return HRC_PROGRESS_OK;
    return hrc_progress_fail(s, HRC_PROGRESS_ERR_NAME, "%s", hrc_name_problem_text(p));
}

static int check_day(hrc_progress *s, const char *day)
{
    if (day && *day && !hrc_progress_day_is_valid(day))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID,
                                 "a group's day is a date written YYYY-MM-DD, such as "
                                 "2026-03-12");
    return HRC_PROGRESS_OK;
}

/* The result of a write that may break the unique name. */
static int group_write(hrc_progress *s, sqlite3_stmt *st, const char *name, const char *doing)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_UNIQUE)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "a group called %s exists already",
                                 name);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, doing);
    if (sqlite3_changes(s->db) == 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such group");
    return HRC_PROGRESS_OK;
}

int hrc_progress_insert_group(hrc_progress *s, const char *clean_name, const char *day,
                              int64_t *out_id)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT INTO learner_group(name, day, created_ms) VALUES(?1, ?2, ?3)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "adding a group");
    sqlite3_bind_text(st, 1, clean_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, day ? day : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, hrc_progress_now_ms());
    int r = group_write(s, st, clean_name, "adding a group");
    if (!r && out_id)
        *out_id = sqlite3_last_insert_rowid(s->db);
    return r;
}

int hrc_progress_add_group(hrc_progress *s, const char *name, const char *day,
                           int64_t *out_id)
{
    if (out_id)
        *out_id = 0;
    int r = require_facilitator(s);
    char clean[HRC_GROUP_NAME_MAX];
    if (!r)
        r = clean_group_name(s, name, clean);
    if (!r)
        r = check_day(s, day);
    if (!r)
        r = hrc_progress_insert_group(s, clean, day, out_id);
    return r;
}

int hrc_progress_update_group(hrc_progress *s, int64_t group, const char *name,
                              const char *day)
{
    int r = require_facilitator(s);
    char clean[HRC_GROUP_NAME_MAX] = "";
    if (!r && name)
        r = clean_group_name(s, name, clean);
    if (!r)
        r = check_day(s, day);
    if (r)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "UPDATE learner_group SET name = coalesce(?2, name), day = coalesce(?3, day)"
        " WHERE id = ?1", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "changing a group");
    sqlite3_bind_int64(st, 1, group);
    if (name)
        sqlite3_bind_text(st, 2, clean, -1, SQLITE_STATIC);
    if (day)
        sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
    return group_write(s, st, clean, "changing a group");
}

int hrc_progress_delete_group(hrc_progress *s, int64_t group)
{
    int r = require_facilitator(s);
    int64_t open = 0;
    if (!r)
        r = hrc_progress_open_group(s, &open);
    if (!r)
        r = hrc_progress_begin(s);
    if (r)
        return r;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "DELETE FROM learner_group WHERE id = ?1", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        r = hrc_progress_fail_db(s, rc, "deleting a group");
    } else {
        sqlite3_bind_int64(st, 1, group);
        /* Its learners stay, in no group (ON DELETE SET NULL). */
        r = group_write(s, st, "", "deleting a group");
    }
    /* A later group may be given the same id: the open one is closed. */
    if (!r && open == group)
        r = hrc_progress_exec(s, "DELETE FROM setting WHERE key = '" OPEN_GROUP_SETTING "'",
                              "closing the deleted group");
    if (r) {
        hrc_progress_rollback(s);
        return r;
    }
    return hrc_progress_commit(s);
}

static const char group_columns[] =
    "SELECT g.id, g.name, g.day, g.created_ms,"
    " (SELECT count(*) FROM learner l WHERE l.group_id = g.id) FROM learner_group g ";

static void read_group(sqlite3_stmt *st, hrc_group *g)
{
    memset(g, 0, sizeof *g);
    g->id = sqlite3_column_int64(st, 0);
    snprintf(g->name, sizeof g->name, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(g->day, sizeof g->day, "%s", (const char *)sqlite3_column_text(st, 2));
    g->created_ms = sqlite3_column_int64(st, 3);
    g->n_learners = (size_t)sqlite3_column_int64(st, 4);
}

int hrc_progress_list_groups(hrc_progress *s, hrc_group **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s || !has_groups(s))
        return HRC_PROGRESS_OK;
    char sql[512];
    snprintf(sql, sizeof sql, "%sORDER BY g.day = '', g.day DESC, g.name COLLATE NOCASE, g.id",
             group_columns);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "listing groups");
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            hrc_group *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
        }
        read_group(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return hrc_progress_fail_db(s, rc, "listing groups");
    }
    return HRC_PROGRESS_OK;
}

/* One group by id (name NULL) or by name. */
static int get_group(hrc_progress *s, int64_t id, const char *name, hrc_group *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    if (!has_groups(s))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "this store has no groups yet");
    char sql[512];
    snprintf(sql, sizeof sql, "%s%s", group_columns,
             name ? "WHERE g.name = ?1 COLLATE NOCASE" : "WHERE g.id = ?1");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "reading a group");
    if (name)
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    else
        sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_group(st, out);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return name ? hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no group called %s", name)
                    : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such group");
    return rc == SQLITE_ROW ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "reading a group");
}

int hrc_progress_get_group(hrc_progress *s, int64_t group, hrc_group *out)
{
    return get_group(s, group, NULL, out);
}

int hrc_progress_find_group(hrc_progress *s, const char *name, hrc_group *out)
{
    char clean[HRC_GROUP_NAME_MAX];
    if (hrc_name_clean(name, clean, sizeof clean) != HRC_NAME_OK) {
        memset(out, 0, sizeof *out);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no group called %s",
                                 name ? name : "");
    }
    return get_group(s, 0, clean, out);
}

int hrc_progress_set_learner_group(hrc_progress *s, int64_t learner, int64_t group)
{
    int r = require_facilitator(s);
    if (r)
        return r;
    if (group < 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no such group");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "UPDATE learner SET group_id = ?2 WHERE id = ?1", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "moving a learner");
    sqlite3_bind_int64(st, 1, learner);
    if (group > 0)
        sqlite3_bind_int64(st, 2, group);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such group");
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "moving a learner");
    if (sqlite3_changes(s->db) == 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOT_FOUND, "no such learner");
    return HRC_PROGRESS_OK;
}

int hrc_progress_open_group(hrc_progress *s, int64_t *out)
{
    *out = 0;
    if (!s || !has_groups(s))
        return HRC_PROGRESS_OK;
    char value[32];
    bool found = false;
    int r = hrc_progress_get_setting(s, OPEN_GROUP_SETTING, value, sizeof value, &found);
    if (r || !found)
        return r;
    char *end;
    long long id = strtoll(value, &end, 10);
    if (*end || id <= 0)
        return HRC_PROGRESS_OK; /* a store edited by hand: no group open */
    /* A group deleted meanwhile is not open. */
    hrc_group g;
    r = get_group(s, id, NULL, &g);
    if (r == HRC_PROGRESS_ERR_NOT_FOUND)
        return HRC_PROGRESS_OK;
    if (!r)
        *out = id;
    return r;
}

int hrc_progress_set_open_group(hrc_progress *s, int64_t group)
{
    int r = require_facilitator(s);
    if (r)
        return r;
    if (group == 0)
        return hrc_progress_exec(s, "DELETE FROM setting WHERE key = '" OPEN_GROUP_SETTING "'",
                                 "closing the group");
    hrc_group g;
    r = get_group(s, group, NULL, &g);
    if (r)
        return r;
    char value[32];
    snprintf(value, sizeof value, "%lld", (long long)group);
    return hrc_progress_put_setting(s, OPEN_GROUP_SETTING, value);
}

int hrc_progress_list_group_learners(hrc_progress *s, int64_t group, hrc_learner **out,
                                     size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s)
        return HRC_PROGRESS_OK;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    char sql[640];
    snprintf(sql, sizeof sql, "%s%s ORDER BY name COLLATE NOCASE, id",
             hrc_progress_learner_columns(s), hrc_progress_group_where(s, group, NULL));
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "listing learners");
    if (group > 0)
        sqlite3_bind_int64(st, 1, group);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            hrc_learner *grown = realloc(*out, cap * sizeof **out);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *out = grown;
        }
        hrc_progress_read_learner(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        return hrc_progress_fail_db(s, rc, "listing learners");
    }
    return HRC_PROGRESS_OK;
}

const char *hrc_progress_group_where(const hrc_progress *s, int64_t group, const char *alias)
{
    bool l = alias && strcmp(alias, "l") == 0;
    if (group == HRC_GROUP_ALL || (!has_groups(s) && group == HRC_GROUP_NONE))
        return "";
    if (!has_groups(s))
        return " WHERE 0"; /* no groups yet: nobody is in one */
    if (group == HRC_GROUP_NONE)
        return l ? " WHERE l.group_id IS NULL" : " WHERE group_id IS NULL";
    return l ? " WHERE l.group_id = ?1" : " WHERE group_id = ?1";
}
