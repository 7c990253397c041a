/*
 * progress_stats.c: the answers of a class, from the log into the item
 * statistics of core/itemstats.h, and their CSV for trainers.
 */
#include "io/progress_internal.h"

#include "core/i18n.h"
#include "core/itemstats.h"
#include "core/model.h"
#include "core/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int hrc_progress_item_stats(hrc_progress *s, const hrc_course *course, int64_t group,
                            hrc_itemstats **out)
{
    *out = NULL;
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    hrc_itemstats *st = NULL;
    if (hrc_itemstats_new(course, &st) != 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    char sql[768];
    snprintf(sql, sizeof sql,
             "SELECT e.learner_id, e.module_id, e.item_id, e.item_revision, e.success,"
             " e.score, e.response FROM event e JOIN learner l ON l.id = e.learner_id%s%s"
             " e.verb = 'answered' AND e.item_id IS NOT NULL ORDER BY e.time_ms, e.id",
             hrc_progress_group_where(s, group, "l"), group == HRC_GROUP_ALL ? " WHERE" : " AND");
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    if (rc == SQLITE_OK && group > 0)
        sqlite3_bind_int64(q, 1, group);
    while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        double score = sqlite3_column_type(q, 5) == SQLITE_NULL ? 0 : sqlite3_column_double(q, 5);
        if (hrc_itemstats_add(st, sqlite3_column_int64(q, 0),
                              (const char *)sqlite3_column_text(q, 1),
                              (const char *)sqlite3_column_text(q, 2), sqlite3_column_int(q, 3),
                              sqlite3_column_int(q, 4) == 1, score,
                              (const char *)sqlite3_column_text(q, 6)) < 0)
            rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        hrc_itemstats_free(st);
        return rc == SQLITE_NOMEM ? hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory")
                                  : hrc_progress_fail_db(s, rc, "reading the answers");
    }
    *out = st;
    return HRC_PROGRESS_OK;
}

enum { N_COLUMNS = 12 };

int hrc_progress_export_item_stats(hrc_progress *s, const hrc_course *course, int64_t group,
                                   const char *path)
{
    hrc_itemstats *st = NULL;
    int r = hrc_progress_item_stats(s, course, group, &st);
    if (r)
        return r;
    const hrc_item_stat *all = NULL;
    size_t n = 0;
    if (hrc_itemstats_compute(st, &all, &n) != 0) {
        hrc_itemstats_free(st);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    }
    hrc_progress_out out;
    r = hrc_progress_out_open(s, &out, path);
    if (r) {
        hrc_itemstats_free(st);
        return r;
    }
    const char *lang = hrc_i18n_language();
    fputs("\xef\xbb\xbf", out.f); /* so that spreadsheets read UTF-8 as such */
    const char *headers[N_COLUMNS] = {
        /* TRANSLATORS: column headers of the item statistics CSV. */
        _("Rank"), _("Module"), _("Quiz"), _("Question"), _("Question text"), _("Answered"),
        _("Right on first try"), _("Right on first try (%)"), _("Wrong answer given most"),
        _("Times given"), _("Discrimination"), _("Question ID"),
    };
    for (int c = 0; c < N_COLUMNS; c++)
        hrc_progress_csv_field(&out, headers[c], c == N_COLUMNS - 1);
    for (size_t i = 0; i < n; i++) {
        const hrc_item_stat *it = &all[i];
        const hrc_question *q = it->question;
        char rank[24], number[24], answered[24], right[24], percent[24], times[24],
            disc[24], wrong[1024] = "";
        snprintf(rank, sizeof rank, "%zu", i + 1);
        snprintf(number, sizeof number, "%zu", it->question_number);
        snprintf(answered, sizeof answered, "%zu", it->answered);
        snprintf(right, sizeof right, "%zu", it->right_first);
        if (it->answered)
            snprintf(percent, sizeof percent, "%.1f", it->p_right * 100.0);
        else
            percent[0] = '\0';
        size_t count = 0;
        if (it->wrong_choice >= 0) {
            char id[HRC_PROGRESS_ID_MAX];
            snprintf(id, sizeof id, "%s", q->choices[it->wrong_choice].id);
            hrc_itemstats_describe(q, id, lang, it->module->default_lang, wrong, sizeof wrong);
            count = it->wrong_choice_count;
        } else if (it->wrong_response) {
            hrc_itemstats_describe(q, it->wrong_response, lang, it->module->default_lang, wrong,
                                   sizeof wrong);
            count = it->wrong_response_count;
        }
        if (count)
            snprintf(times, sizeof times, "%zu", count);
        else
            times[0] = '\0';
        if (it->has_discrimination)
            snprintf(disc, sizeof disc, "%.2f", it->discrimination);
        else
            disc[0] = '\0';
        const char *quiz = hrc_text_plain(&it->quiz->title, lang, it->module->default_lang);
        const char *fields[N_COLUMNS] = {
            rank, it->module->id, quiz && *quiz ? quiz : it->quiz->id, number,
            hrc_text_plain(&q->prompt, lang, it->module->default_lang), answered, right,
            percent, wrong, times, disc, q->id,
        };
        for (int c = 0; c < N_COLUMNS; c++)
            hrc_progress_csv_field(&out, fields[c] ? fields[c] : "", c == N_COLUMNS - 1);
    }
    hrc_itemstats_free(st);
    r = hrc_progress_out_close(s, &out);
    if (!r) {
        memset(&s->export_report, 0, sizeof s->export_report);
        s->export_report.records = n;
        s->export_report.replaced = out.replaced;
    }
    return r;
}

/* "rouen-12-march": a group's name for a file name, ASCII only. */
static void name_slug(const char *name, char *out, size_t size)
{
    char key[HRC_GROUP_NAME_MAX * 2];
    hrc_name_key(name, key, sizeof key);
    size_t k = 0;
    bool dash = false;
    for (const char *p = key; *p && k + 2 < size && k < 40; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            if (dash && k)
                out[k++] = '-';
            out[k++] = *p;
            dash = false;
        } else {
            dash = true;
        }
    }
    out[k] = '\0';
}

int hrc_progress_export_item_stats_to_folder(hrc_progress *s, const hrc_course *course,
                                             int64_t group, const char *dir, char *path_out)
{
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    if (!dir || !*dir)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no folder to export to");
    char name[64] = "all", stamp[32], path[HRC_PROGRESS_PATH_MAX];
    if (group == HRC_GROUP_NONE) {
        snprintf(name, sizeof name, "no-group");
    } else if (group > 0) {
        hrc_group g;
        name[0] = '\0';
        if (hrc_progress_get_group(s, group, &g) == HRC_PROGRESS_OK)
            name_slug(g.name, name, sizeof name);
        if (!name[0])
            snprintf(name, sizeof name, "group-%lld", (long long)group);
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    int n = snprintf(path, sizeof path, "%s/hrc-questions-%s-%s.csv", dir, name, stamp);
    if (n < 0 || (size_t)n >= sizeof path)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "folder name too long");
    int r = hrc_progress_export_item_stats(s, course, group, path);
    if (!r && path_out)
        snprintf(path_out, HRC_PROGRESS_PATH_MAX, "%s", path);
    return r;
}
