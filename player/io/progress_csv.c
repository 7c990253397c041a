/*
 * progress_csv.c: the trainers' spreadsheet, one row per learner and
 * module (RFC 4180), and the facilitator screen's "export to a folder".
 */
#include "io/progress_internal.h"

#include <string.h>
#include <time.h>

enum { N_COLUMNS = 10 };

/* Headers in the language the facilitator chose, not the process locale:
 * the export is read by trainers, wherever they are. */
static const struct {
    const char *lang;
    const char *names[N_COLUMNS];
} headers[] = {
    {"en", {"Learner", "Module", "Completion", "Success", "Best score (%)", "Last score (%)",
            "Attempts", "Time spent (s)", "Last activity (UTC)", "Learner ID"}},
    {"fr", {"Participant", "Module", "Achèvement", "Réussite", "Meilleur score (%)",
            "Dernier score (%)", "Tentatives", "Temps passé (s)", "Dernière activité (UTC)",
            "Identifiant du participant"}},
    {"es", {"Participante", "Módulo", "Finalización", "Éxito", "Mejor puntuación (%)",
            "Última puntuación (%)", "Intentos", "Tiempo dedicado (s)",
            "Última actividad (UTC)", "Identificador del participante"}},
};

/*
 * One field, quoted when it holds a comma, quote or line break. A leading
 * = + - @ or tab would make a spreadsheet run the field as a formula (a
 * learner can type any name), so such a field starts with a ' instead;
 * a signed number ("-0.10") is left as it is.
 */
/* A signed number such as "-0.10": a spreadsheet reads it as a number,
 * never as a formula, so it needs no guard. */
static bool plain_number(const char *text)
{
    const char *p = text + (text[0] == '-' || text[0] == '+');
    bool digits = false, mark = false;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits = true;
        else if (*p == '.' && !mark)
            mark = true;
        else
            return false;
    }
    return digits;
}

void hrc_progress_csv_field(hrc_progress_out *o, const char *text, bool last)
{
    FILE *f = o->f;
    bool formula = strchr("=+-@\t\r", text[0]) && text[0] && !plain_number(text);
    bool quote = formula || strpbrk(text, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', f);
    if (formula)
        fputc('\'', f);
    /* Quotes doubled; the rest as UTF-8 (invalid bytes as U+FFFD). */
    for (const char *p = text; *p;) {
        size_t run = strcspn(p, "\"");
        hrc_progress_out_textn(o, p, run, false);
        p += run;
        if (*p == '"') {
            fputs("\"\"", f);
            p++;
        }
    }
    if (quote)
        fputc('"', f);
    fputs(last ? "\r\n" : ",", f);
}

static void format_percent(char *out, size_t size, bool has, double scaled)
{
    if (!has)
        out[0] = '\0';
    else
        snprintf(out, size, "%.1f", scaled * 100.0);
}

int hrc_progress_export_csv(hrc_progress *s, const char *path, const char *lang)
{
    return hrc_progress_export_csv_group(s, path, lang, HRC_GROUP_ALL);
}

int hrc_progress_export_csv_group(hrc_progress *s, const char *path, const char *lang,
                                  int64_t group)
{
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    size_t h = 0;
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
        if (lang && strncmp(lang, headers[i].lang, 2) == 0)
            h = i;

    char sql[640];
    snprintf(sql, sizeof sql,
             "SELECT l.name, s.module_id, s.completed, s.success, s.best_score, s.last_score,"
             " s.attempts, s.time_spent_ms, s.last_activity_ms, l.uuid"
             " FROM summary s JOIN learner l ON l.id = s.learner_id%s"
             " ORDER BY l.name COLLATE NOCASE, l.id, s.module_id",
             hrc_progress_group_where(s, group, "l"));
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "exporting");
    if (group > 0)
        sqlite3_bind_int64(st, 1, group);
    hrc_progress_out out;
    r = hrc_progress_out_open(s, &out, path);
    if (r) {
        sqlite3_finalize(st);
        return r;
    }
    fputs("\xef\xbb\xbf", out.f); /* so that spreadsheets read UTF-8 as such */
    for (int c = 0; c < N_COLUMNS; c++)
        hrc_progress_csv_field(&out, headers[h].names[c], c == N_COLUMNS - 1);
    size_t records = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        records++;
        char best[32], last[32], attempts[32], spent[32], when[32];
        int success = sqlite3_column_int(st, 3);
        format_percent(best, sizeof best, sqlite3_column_type(st, 4) != SQLITE_NULL,
                       sqlite3_column_double(st, 4));
        format_percent(last, sizeof last, sqlite3_column_type(st, 5) != SQLITE_NULL,
                       sqlite3_column_double(st, 5));
        snprintf(attempts, sizeof attempts, "%d", sqlite3_column_int(st, 6));
        snprintf(spent, sizeof spent, "%lld", (long long)(sqlite3_column_int64(st, 7) / 1000));
        hrc_progress_format_time(sqlite3_column_int64(st, 8), when, sizeof when);
        const char *fields[N_COLUMNS] = {
            (const char *)sqlite3_column_text(st, 0),
            (const char *)sqlite3_column_text(st, 1),
            sqlite3_column_int(st, 2) ? "completed" : "incomplete",
            success == 1 ? "passed" : success == 2 ? "failed" : "unknown",
            best, last, attempts, spent, when,
            (const char *)sqlite3_column_text(st, 9),
        };
        for (int c = 0; c < N_COLUMNS; c++)
            hrc_progress_csv_field(&out, fields[c] ? fields[c] : "", c == N_COLUMNS - 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        hrc_progress_out_abort(&out);
        return hrc_progress_fail_db(s, rc, "exporting");
    }
    r = hrc_progress_out_close(s, &out);
    if (!r) {
        memset(&s->export_report, 0, sizeof s->export_report);
        s->export_report.records = records;
        s->export_report.replaced = out.replaced;
    }
    return r;
}

int hrc_progress_export_to_folder(hrc_progress *s, const char *dir, const char *lang,
                                  char *csv_out, char *json_out)
{
    return hrc_progress_export_group_to_folder(s, dir, lang, HRC_GROUP_ALL, csv_out, json_out);
}

int hrc_progress_export_group_to_folder(hrc_progress *s, const char *dir, const char *lang,
                                        int64_t group, char *csv_out, char *json_out)
{
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    if (!dir || !*dir)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "no folder to export to");
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    char csv[HRC_PROGRESS_PATH_MAX], json[HRC_PROGRESS_PATH_MAX];
    int n = snprintf(csv, sizeof csv, "%s/hrc-progress-%.8s-%s.csv", dir, s->device_id, stamp);
    snprintf(json, sizeof json, "%s/hrc-progress-%.8s-%s.json", dir, s->device_id, stamp);
    if (n < 0 || (size_t)n >= sizeof csv - 1)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_INVALID, "folder name too long");
    r = hrc_progress_export_csv_group(s, csv, lang, group);
    if (!r)
        r = hrc_progress_export_json_group(s, json, group);
    if (r)
        return r;
    if (csv_out)
        snprintf(csv_out, HRC_PROGRESS_PATH_MAX, "%s", csv);
    if (json_out)
        snprintf(json_out, HRC_PROGRESS_PATH_MAX, "%s", json);
    return HRC_PROGRESS_OK;
}
