/*
 * progress_xapi.c: the event log as xAPI 1.0.3 statements, out and back in.
 *
 * Every statement carries what the log holds, so that an import rebuilds
 * the same events: hrc-player's own fields travel in context.extensions
 * under urn:hrc-player:ext:* keys. A statement's id derives from (device id,
 * sequence), so re-exports are stable and an import recognises events it
 * already has.
 */
#include "io/progress_internal.h"
#include "io/progress_json.h"

#include "core/answer.h"
#include "core/model.h"
#include "core/names.h"
#include "core/quiz.h"

#include <errno.h>
#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define KIOSK_PREFIX "urn:hrc-player:kiosk:"
#define MODULE_PREFIX "urn:hrc-player:module:"
#define EXT "urn:hrc-player:ext:"
#define ADL "http://adlnet.gov/expapi/verbs/"
#define VERB_URN "urn:hrc-player:verb:"
#define MAX_IMPORT_BYTES (512L * 1024 * 1024)

/* Verb ids and their English display: ADL's for the learner's events
 * ("viewed" is ADL's "experienced"), hrc-player's own for the
 * facilitator's, which no ADL verb says. */
static const struct {
    const char *id, *display;
} verbs[HRC_VERB_COUNT] = {
    {ADL "launched", "launched"},   {ADL "experienced", "experienced"},
    {ADL "answered", "answered"},   {ADL "passed", "passed"},
    {ADL "failed", "failed"},       {ADL "completed", "completed"},
    {ADL "suspended", "suspended"}, {ADL "resumed", "resumed"},
    {VERB_URN "reset-attempts", "reset attempts"},
    {VERB_URN "merged-profile", "merged a profile"},
};

/* ---- Writing ----------------------------------------------------------- */

/* A JSON string: escaped, and valid UTF-8 whatever the store holds (a
 * tampered store's invalid bytes become U+FFFD, counted in o->replaced). */
static void put_string(hrc_progress_out *o, const char *s)
{
    fputc('"', o->f);
    hrc_progress_out_text(o, s, true);
    fputc('"', o->f);
}

/* The shortest text that reads back as the same double. */
static void put_number(FILE *f, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, sizeof buf, "%.17g", v);
    fputs(buf, f);
}

/* ISO 8601 duration: PT1M2.5S, PT2H0M3S, PT0S. */
static void format_duration(int64_t ms, char *out, size_t size)
{
    int64_t h = ms / 3600000, m = ms / 60000 % 60, sec = ms / 1000 % 60, milli = ms % 1000;
    int n = snprintf(out, size, "PT");
    if (h)
        n += snprintf(out + n, size - (size_t)n, "%lldH", (long long)h);
    if (h || m)
        n += snprintf(out + n, size - (size_t)n, "%lldM", (long long)m);
    n += snprintf(out + n, size - (size_t)n, "%lld", (long long)sec);
    if (milli) {
        n += snprintf(out + n, size - (size_t)n, ".%03lld", (long long)milli);
        while (out[n - 1] == '0')
            out[--n] = '\0';
    }
    snprintf(out + n, size - (size_t)n, "S");
}

/* Reads back what format_duration writes (hours, minutes, seconds). */
static bool parse_duration(const char *text, int64_t *ms)
{
    if (strncmp(text, "PT", 2) != 0 || !text[2])
        return false;
    const char *p = text + 2;
    int64_t total = 0;
    char last_unit = 0;
    while (*p) {
        int64_t whole = 0, frac = 0;
        int digits = 0, frac_digits = 0;
        for (; *p >= '0' && *p <= '9'; p++, digits++)
            if (digits < 9)
                whole = whole * 10 + (*p - '0');
        if (*p == '.') {
            for (p++; *p >= '0' && *p <= '9'; p++, frac_digits++)
                if (frac_digits < 3)
                    frac = frac * 10 + (*p - '0');
            for (int i = frac_digits; i < 3; i++)
                frac *= 10;
        }
        if (!digits || digits > 9 || (frac_digits && *p != 'S'))
            return false;
        if (*p == 'H' && !last_unit)
            total += whole * 3600000;
        else if (*p == 'M' && last_unit != 'M' && last_unit != 'S')
            total += whole * 60000;
        else if (*p == 'S' && last_unit != 'S')
            total += whole * 1000 + frac;
        else
            return false;
        last_unit = *p++;
    }
    *ms = total;
    return true;
}

/* ---- Interactions: fill-in and numeric -------------------------------- */

void hrc_progress_set_course(hrc_progress *s, const struct hrc_course *course)
{
    if (s)
        s->course = course;
}

/* The fill-in or numeric question `item_id` at `revision` of the course's
 * module `module_id`; NULL when the course has no such question. */
static const hrc_question *typed_question(const hrc_course *c, const char *module_id,
                                          const char *item_id, int revision)
{
    for (size_t m = 0; c && module_id && item_id && m < c->n_modules; m++) {
        const hrc_module *mod = c->modules[m];
        if (strcmp(mod->id, module_id) != 0)
            continue;
        for (size_t i = 0; i < mod->n_items; i++) {
            if (mod->items[i].kind != HRC_ITEM_QUIZ)
                continue;
            const hrc_quiz *z = mod->items[i].u.quiz;
            for (size_t k = 0; k < z->n_questions; k++) {
                const hrc_question *q = &z->questions[k];
                if ((q->kind == HRC_Q_FILLIN || q->kind == HRC_Q_NUMERIC) &&
                    q->revision == revision && strcmp(q->id, item_id) == 0)
                    return q;
            }
        }
    }
    return NULL;
}

enum { MAX_PATTERNS = 32 };

/* One accepted answer inside a pattern: "[,]" in it spaced out, as the
 * recorded responses have it. */
static void put_accept(hrc_progress_out *o, const char *text)
{
    for (const char *p = text; *p;) {
        const char *sep = strstr(p, "[,]");
        size_t n = sep ? (size_t)(sep - p) : strlen(p);
        char piece[HRC_FIELD_MAX + 8];
        snprintf(piece, sizeof piece, "%.*s%s", (int)(n < HRC_FIELD_MAX ? n : HRC_FIELD_MAX),
                 p, sep ? "[ ,]" : "");
        hrc_progress_out_text(o, piece, true);
        p += n + (sep ? 3 : 0);
    }
}

/* Every combination of accepted answers, the first ones first, up to
 * MAX_PATTERNS. */
static void put_fillin_patterns(hrc_progress_out *o, const hrc_question *q)
{
    bool case_matters = false;
    size_t combinations = 1;
    for (size_t g = 0; g < q->n_gaps; g++) {
        case_matters |= q->gaps[g].fold == HRC_FOLD_NONE;
        size_t n = q->gaps[g].n_accepts ? q->gaps[g].n_accepts : 1;
        combinations = combinations * n > MAX_PATTERNS ? MAX_PATTERNS : combinations * n;
    }
    for (size_t c = 0; c < combinations; c++) {
        fputs(c ? ",\"" : "\"", o->f);
        if (case_matters)
            fputs("{case_matters=true}", o->f);
        size_t rest = c;
        for (size_t g = 0; g < q->n_gaps; g++) {
            const hrc_gap *gap = &q->gaps[g];
            if (g)
                fputs("[,]", o->f);
            if (gap->n_accepts) {
                put_accept(o, gap->accepts[rest % gap->n_accepts].text);
                rest /= gap->n_accepts;
            }
        }
        fputc('"', o->f);
    }
}

/* interactionType and correctResponsesPattern, inside object.definition. */
static void put_interaction(hrc_progress_out *o, const hrc_question *q)
{
    fprintf(o->f, ",\"interactionType\":\"%s\",\"correctResponsesPattern\":[",
            q->kind == HRC_Q_FILLIN ? "fill-in" : "numeric");
    if (q->kind == HRC_Q_FILLIN) {
        put_fillin_patterns(o, q);
    } else {
        char low[48], high[48];
        hrc_number_format(q->value - q->tolerance, '.', low, sizeof low);
        hrc_number_format(q->value + q->tolerance, '.', high, sizeof high);
        if (q->tolerance > 0)
            fprintf(o->f, "\"%s[:]%s\"", low, high);
        else
            fprintf(o->f, "\"%s\"", low);
    }
    fputc(']', o->f);
}

/* The export's query; `where` filters the learners (a group). */
#define EXPORT_SQL(where)                                                                \
    "SELECT " HRC_STATEMENT_COLUMNS HRC_STATEMENT_FROM where " ORDER BY e.device_id, e.seq"

static const char *text_at(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? t : "";
}

/* Every text from the store goes through put_string, so that whatever a
 * tampered store holds, the export (and what the sync sends) stays valid
 * JSON. The course, when known, describes typed answers (interactions). */
void hrc_progress_put_statement(hrc_progress_out *o, sqlite3_stmt *st, const hrc_course *course)
{
    FILE *f = o->f;
    const char *device = text_at(st, 0);
    int64_t seq = sqlite3_column_int64(st, 1);
    hrc_verb verb = HRC_VERB_LAUNCHED;
    hrc_verb_parse(text_at(st, 4), &verb);
    const char *item = (const char *)sqlite3_column_text(st, 6);
    char id[37], when[32], duration[48];
    hrc_progress_uuid_for_event(device, seq, id);
    hrc_progress_format_time(sqlite3_column_int64(st, 16), when, sizeof when);

    fprintf(f, "{\"id\":\"%s\",\"version\":\"1.0.3\",\"actor\":{\"objectType\":\"Agent\","
               "\"name\":", id);
    put_string(o, text_at(st, 3));
    fputs(",\"account\":{\"homePage\":", f);
    char home[64];
    snprintf(home, sizeof home, KIOSK_PREFIX "%.32s", text_at(st, 19));
    put_string(o, home);
    fputs(",\"name\":", f);
    put_string(o, text_at(st, 2));
    fprintf(f, "}},\"verb\":{\"id\":\"%s\",\"display\":{\"en-US\":\"%s\"}},",
            verbs[verb].id, verbs[verb].display);
    fputs("\"object\":{\"objectType\":\"Activity\",\"id\":\"" MODULE_PREFIX, f);
    hrc_progress_out_text(o, text_at(st, 5), true);
    if (item) {
        fputc('/', f);
        hrc_progress_out_text(o, item, true);
    }
    fprintf(f, "\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/%s\"",
            verb == HRC_VERB_ANSWERED ? "cmi.interaction" : item ? "lesson" : "module");
    const hrc_question *typed = verb == HRC_VERB_ANSWERED
                                    ? typed_question(course, text_at(st, 5), item,
                                                     sqlite3_column_int(st, 9))
                                    : NULL;
    if (typed)
        put_interaction(o, typed);
    fputs("}},", f);

    bool has_success = sqlite3_column_type(st, 11) != SQLITE_NULL;
    bool has_score = sqlite3_column_type(st, 12) != SQLITE_NULL;
    bool has_response = sqlite3_column_type(st, 10) != SQLITE_NULL;
    int64_t duration_ms = sqlite3_column_int64(st, 15);
    fputs("\"result\":{", f);
    const char *sep = "";
    if (has_score) {
        fputs("\"score\":{\"scaled\":", f);
        put_number(f, sqlite3_column_double(st, 12));
        fputs("}", f);
        sep = ",";
    }
    if (has_success) {
        fprintf(f, "%s\"success\":%s", sep, sqlite3_column_int(st, 11) ? "true" : "false");
        sep = ",";
    }
    if (verb == HRC_VERB_COMPLETED) {
        fprintf(f, "%s\"completion\":true", sep);
        sep = ",";
    }
    if (has_response) {
        fprintf(f, "%s\"response\":", sep);
        put_string(o, text_at(st, 10));
        sep = ",";
    }
    format_duration(duration_ms < 0 ? 0 : duration_ms, duration, sizeof duration);
    fprintf(f, "%s\"duration\":\"%s\"},", sep, duration);

    fputs("\"context\":{\"registration\":", f);
    put_string(o, text_at(st, 17));
    fputs(",\"platform\":\"hrc-player\",\"extensions\":{\"" EXT "device-id\":", f);
    put_string(o, device);
    fprintf(f, ",\"" EXT "sequence\":%lld,", (long long)seq);
    fprintf(f, "\"" EXT "module-version\":%d,\"" EXT "content-hash\":",
            sqlite3_column_int(st, 7));
    put_string(o, text_at(st, 8));
    fprintf(f, ",\"" EXT "item-revision\":%d,\"" EXT "hints-used\":%d,\"" EXT "attempt\":%d,"
               "\"" EXT "session-end\":",
            sqlite3_column_int(st, 9), sqlite3_column_int(st, 13), sqlite3_column_int(st, 14));
    put_string(o, text_at(st, 18));
    fprintf(f, "}},\"timestamp\":\"%s\"}", when);
}

int hrc_progress_export_json(hrc_progress *s, const char *path)
{
    return hrc_progress_export_json_group(s, path, HRC_GROUP_ALL);
}

int hrc_progress_export_json_group(hrc_progress *s, const char *path, int64_t group)
{
    if (!s)
        return HRC_PROGRESS_ERR_NOT_FOUND;
    int r = hrc_progress_require_unlocked(s);
    if (r)
        return r;
    hrc_kiosk me;
    r = hrc_progress_this_kiosk(s, &me); /* no key, no signed export */
    if (r)
        return r;
    char sql[1024];
    snprintf(sql, sizeof sql, EXPORT_SQL("%s"), hrc_progress_group_where(s, group, "l"));
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hrc_progress_fail_db(s, rc, "exporting");
    if (group > 0)
        sqlite3_bind_int64(st, 1, group);
    hrc_progress_out out, sig;
    r = hrc_progress_out_open(s, &out, path);
    if (r) {
        sqlite3_finalize(st);
        return r;
    }
    fputs("[", out.f);
    bool first = true;
    size_t records = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fputs(first ? "\n" : ",\n", out.f);
        first = false;
        hrc_progress_put_statement(&out, st, s->course);
        records++;
    }
    fputs("\n]\n", out.f);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        hrc_progress_out_abort(&out);
        return hrc_progress_fail_db(s, rc, "exporting");
    }
    r = hrc_progress_out_sync(s, &out);
    if (r)
        return r;
    r = hrc_progress_sign_export(s, &out, &sig);
    if (r) {
        hrc_progress_out_abort(&out);
        return r;
    }
    /* The export first, then its signature: should the second rename fail,
     * the pair does not match and an import refuses it. */
    r = hrc_progress_out_commit(s, &out);
    if (r) {
        hrc_progress_out_abort(&sig);
        return r;
    }
    r = hrc_progress_out_commit(s, &sig);
    if (r)
        return r;
    memset(&s->export_report, 0, sizeof s->export_report);
    s->export_report.records = records;
    s->export_report.replaced = out.replaced;
    snprintf(s->export_report.signature, sizeof s->export_report.signature, "%s", sig.path);
    return HRC_PROGRESS_OK;
}

const hrc_export_report *hrc_progress_last_export(const hrc_progress *s)
{
    static const hrc_export_report none;
    return s ? &s->export_report : &none;
}

/* ---- Reading back ------------------------------------------------------ */

/* One statement, checked and taken apart. Strings point into the JSON. */
typedef struct imported {
    const char *learner_uuid, *learner_name, *device, *registration;
    char home[33];     /* the device id of the learner's kiosk */
    const char *content_hash, *response, *session_end;
    char module_id[HRC_PROGRESS_ID_MAX];
    char item_id[HRC_PROGRESS_ID_MAX];
    bool has_item;
    hrc_verb verb;
    int64_t seq, time_ms, duration_ms;
    int module_version, item_revision, hints_used, attempt;
    bool has_success, success, has_score;
    double score;
} imported;

static const hrc_json *path_get(const hrc_json *v, const char *a, const char *b,
                                const char *c)
{
    v = hrc_json_get(v, a);
    if (v && b)
        v = hrc_json_get(v, b);
    if (v && c)
        v = hrc_json_get(v, c);
    return v;
}

static bool get_int(const hrc_json *ext, const char *key, int64_t max, int64_t *out)
{
    const hrc_json *v = hrc_json_get(ext, key);
    if (!v || v->type != HRC_JSON_NUMBER || v->number < 0 || v->number > (double)max ||
        v->number != floor(v->number))
        return false;
    *out = (int64_t)v->number;
    return true;
}

/* NULL when the statement is fine, else what is wrong with it. */
static const char *take_apart(const hrc_json *st, imported *im)
{
    memset(im, 0, sizeof *im);
    if (!st || st->type != HRC_JSON_OBJECT)
        return "not an object";
    const hrc_json *ext = path_get(st, "context", "extensions", NULL);
    int64_t n;
    im->device = hrc_json_get_string(ext, EXT "device-id");
    if (!hrc_progress_hex32_is_valid(im->device) || !get_int(ext, EXT "sequence", INT64_C(1) << 52, &im->seq) ||
        im->seq < 1)
        return "no hrc-player device id and sequence (not exported by hrc-player)";
    const char *id = hrc_json_get_string(st, "id");
    char expected[37];
    hrc_progress_uuid_for_event(im->device, im->seq, expected);
    if (!id || strcmp(id, expected) != 0)
        return "its id does not match its device id and sequence";

    const char *home = hrc_json_get_string(path_get(st, "actor", "account", NULL), "homePage");
    im->learner_uuid = hrc_json_get_string(path_get(st, "actor", "account", NULL), "name");
    im->learner_name = hrc_json_get_string(hrc_json_get(st, "actor"), "name");
    if (!home || strncmp(home, KIOSK_PREFIX, strlen(KIOSK_PREFIX)) != 0 ||
        !hrc_progress_hex32_is_valid(home + strlen(KIOSK_PREFIX)) ||
        !im->learner_uuid || !hrc_progress_uuid_is_valid(im->learner_uuid))
        return "actor is not an hrc-player learner account";
    snprintf(im->home, sizeof im->home, "%s", home + strlen(KIOSK_PREFIX));
    if (!im->learner_name)
        return "actor has no name";

    const char *verb = hrc_json_get_string(hrc_json_get(st, "verb"), "id");
    bool verb_ok = false;
    for (int v = 0; verb && v < HRC_VERB_COUNT && !verb_ok; v++)
        if (strcmp(verb, verbs[v].id) == 0) {
            im->verb = (hrc_verb)v;
            verb_ok = true;
        }
    if (!verb_ok)
        return "unknown verb";

    /* urn:hrc-player:module:<module>[/<item>] */
    const char *object = hrc_json_get_string(hrc_json_get(st, "object"), "id");
    if (!object || strncmp(object, MODULE_PREFIX, strlen(MODULE_PREFIX)) != 0)
        return "object is not an hrc-player module";
    const char *m = object + strlen(MODULE_PREFIX);
    const char *slash = strchr(m, '/');
    size_t mlen = slash ? (size_t)(slash - m) : strlen(m);
    if (mlen >= sizeof im->module_id)
        return "module id too long";
    memcpy(im->module_id, m, mlen);
    im->module_id[mlen] = '\0';
    if (!hrc_progress_id_is_valid(im->module_id))
        return "bad module id";
    if (slash) {
        if (strlen(slash + 1) >= sizeof im->item_id || !hrc_progress_id_is_valid(slash + 1))
            return "bad item id";
        snprintf(im->item_id, sizeof im->item_id, "%s", slash + 1);
        im->has_item = true;
    }

    const char *when = hrc_json_get_string(st, "timestamp");
    if (!when || !hrc_progress_parse_time(when, &im->time_ms) || im->time_ms < 0)
        return "bad timestamp";
    im->registration = hrc_json_get_string(hrc_json_get(st, "context"), "registration");
    if (!im->registration || !hrc_progress_uuid_is_valid(im->registration))
        return "bad context.registration";

    if (!get_int(ext, EXT "module-version", INT32_MAX, &n))
        return "bad module version";
    im->module_version = (int)n;
    if (!get_int(ext, EXT "item-revision", INT32_MAX, &n))
        return "bad item revision";
    im->item_revision = (int)n;
    if (!get_int(ext, EXT "hints-used", INT32_MAX, &n))
        return "bad hints count";
    im->hints_used = (int)n;
    if (!get_int(ext, EXT "attempt", INT32_MAX, &n))
        return "bad attempt number";
    im->attempt = (int)n;
    im->content_hash = hrc_json_get_string(ext, EXT "content-hash");
    if (!im->content_hash || strlen(im->content_hash) > 64)
        return "bad content hash";
    im->session_end = hrc_json_get_string(ext, EXT "session-end");
    hrc_session_end end;
    if (!im->session_end || !hrc_session_end_parse(im->session_end, &end))
        return "bad session end";

    const hrc_json *result = hrc_json_get(st, "result");
    if (result && result->type != HRC_JSON_OBJECT)
        return "result is not an object";
    const hrc_json *scaled = path_get(result, "score", "scaled", NULL);
    if (scaled) {
        if (scaled->type != HRC_JSON_NUMBER || scaled->number < 0 || scaled->number > 1)
            return "score.scaled is not between 0 and 1";
        im->has_score = true;
        im->score = scaled->number;
    }
    const hrc_json *success = hrc_json_get(result, "success");
    if (success) {
        if (success->type != HRC_JSON_TRUE && success->type != HRC_JSON_FALSE)
            return "result.success is not true or false";
        im->has_success = true;
        im->success = success->type == HRC_JSON_TRUE;
    }
    const hrc_json *response = hrc_json_get(result, "response");
    if (response) {
        if (response->type != HRC_JSON_STRING || response->length > HRC_PROGRESS_RESPONSE_MAX)
            return "bad result.response";
        im->response = response->string;
    }
    const char *duration = hrc_json_get_string(result, "duration");
    if (duration && !parse_duration(duration, &im->duration_ms))
        return "bad result.duration";
    return NULL;
}

/*
 * This store's id for the learner, adding them when new (with their
 * cleaned name). A learner already here must belong to the same kiosk.
 */
static int learner_for(hrc_progress *s, const imported *im, size_t n, int64_t *id,
                       bool *added)
{
    *added = false;
    sqlite3_stmt *st;
    char home[33] = "";
    int rc = sqlite3_prepare_v2(s->db, "SELECT id, home_device FROM learner WHERE uuid = ?1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, im->learner_uuid, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *id = sqlite3_column_int64(st, 0);
            snprintf(home, sizeof home, "%s", (const char *)sqlite3_column_text(st, 1));
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE && s->schema_version >= 6) {
        /* A profile merged into another here: its events go to that one. */
        rc = sqlite3_prepare_v2(s->db, "SELECT learner_id, home_device FROM learner_alias"
                                       " WHERE uuid = ?1", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, im->learner_uuid, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                *id = sqlite3_column_int64(st, 0);
                snprintf(home, sizeof home, "%s", (const char *)sqlite3_column_text(st, 1));
            }
        }
        sqlite3_finalize(st);
    }
    if (rc == SQLITE_ROW && strcmp(home, im->home) != 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                                 "statement %zu: learner %s belongs to kiosk %s here, not to "
                                 "kiosk %s", n, im->learner_uuid, home, im->home);
    if (rc == SQLITE_ROW)
        return HRC_PROGRESS_OK;
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "importing a learner");
    char name[HRC_LEARNER_NAME_MAX];
    hrc_name_problem problem = hrc_name_clean(im->learner_name, name, sizeof name);
    if (problem)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NAME, "statement %zu: learner's name: %s",
                                 n, hrc_name_problem_text(problem));
    rc = sqlite3_prepare_v2(s->db, "INSERT INTO learner(uuid, name, home_device, created_ms)"
                                   " VALUES(?1, ?2, ?3, ?4)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, im->learner_uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, im->home, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, hrc_progress_now_ms());
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "importing a learner");
    *id = sqlite3_last_insert_rowid(s->db);
    *added = true;
    return HRC_PROGRESS_OK;
}

/* ---- Same id, same content --------------------------------------------- */

static void hash_text(crypto_generichash_state *h, const char *text)
{
    uint64_t n = text ? strlen(text) + 1 : 0; /* NULL and "" differ */
    crypto_generichash_update(h, (const unsigned char *)&n, sizeof n);
    if (text)
        crypto_generichash_update(h, (const unsigned char *)text, n - 1);
}

static void hash_int(crypto_generichash_state *h, int64_t v)
{
    crypto_generichash_update(h, (const unsigned char *)&v, sizeof v);
}

/*
 * A digest of what an event is: every field the log keeps, and the
 * learner's id. with_name: also the learner's name and kiosk (for two
 * statements of one file, which one export writes alike).
 */
static void digest_of(const imported *im, bool with_name, unsigned char out[16])
{
    crypto_generichash_state h;
    crypto_generichash_init(&h, NULL, 0, 16);
    hash_text(&h, im->learner_uuid);
    hash_text(&h, im->device);
    hash_int(&h, im->seq);
    hash_text(&h, im->registration);
    hash_text(&h, im->module_id);
    hash_int(&h, im->module_version);
    hash_text(&h, im->content_hash);
    hash_text(&h, im->has_item ? im->item_id : NULL);
    hash_int(&h, im->item_revision);
    hash_int(&h, im->verb);
    hash_text(&h, im->response);
    hash_int(&h, im->has_success ? 1 + im->success : 0);
    hash_int(&h, im->has_score);
    double score = im->has_score ? im->score : 0;
    crypto_generichash_update(&h, (const unsigned char *)&score, sizeof score);
    hash_int(&h, im->hints_used);
    hash_int(&h, im->attempt);
    hash_int(&h, im->duration_ms);
    hash_int(&h, im->time_ms);
    hash_text(&h, im->session_end);
    if (with_name) {
        hash_text(&h, im->learner_name);
        hash_text(&h, im->home);
    }
    crypto_generichash_final(&h, out, 16);
}

/* Whether the event (device, seq) this store has is the one imported.
 * learner: whom the statement's learner is here (a merged profile's events
 * belong to the profile it was merged into). */
static int same_as_stored(hrc_progress *s, const imported *im, int64_t learner, bool *same)
{
    *same = false;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT CASE WHEN e.learner_id = ?3 THEN ?4 ELSE l.uuid END, e.session_id, e.module_id, e.module_version, e.content_hash,"
        " e.item_id, e.item_revision, e.verb, e.response, e.success, e.score, e.hints_used,"
        " e.attempt, e.duration_ms, e.time_ms, e.session_end"
        " FROM event e JOIN learner l ON l.id = e.learner_id"
        " WHERE e.device_id = ?1 AND e.seq = ?2", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, im->device, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, im->seq);
        sqlite3_bind_int64(st, 3, learner);
        sqlite3_bind_text(st, 4, im->learner_uuid, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    if (rc == SQLITE_ROW) {
        imported was;
        memset(&was, 0, sizeof was);
        was.learner_uuid = (const char *)sqlite3_column_text(st, 0);
        was.device = im->device;
        was.seq = im->seq;
        was.registration = (const char *)sqlite3_column_text(st, 1);
        snprintf(was.module_id, sizeof was.module_id, "%s",
                 (const char *)sqlite3_column_text(st, 2));
        was.module_version = sqlite3_column_int(st, 3);
        was.content_hash = (const char *)sqlite3_column_text(st, 4);
        was.has_item = sqlite3_column_type(st, 5) != SQLITE_NULL;
        if (was.has_item)
            snprintf(was.item_id, sizeof was.item_id, "%s",
                     (const char *)sqlite3_column_text(st, 5));
        was.item_revision = sqlite3_column_int(st, 6);
        hrc_verb_parse((const char *)sqlite3_column_text(st, 7), &was.verb);
        was.response = (const char *)sqlite3_column_text(st, 8);
        was.has_success = sqlite3_column_type(st, 9) != SQLITE_NULL;
        was.success = sqlite3_column_int(st, 9);
        was.has_score = sqlite3_column_type(st, 10) != SQLITE_NULL;
        was.score = sqlite3_column_double(st, 10);
        was.hints_used = sqlite3_column_int(st, 11);
        was.attempt = sqlite3_column_int(st, 12);
        was.duration_ms = sqlite3_column_int64(st, 13);
        was.time_ms = sqlite3_column_int64(st, 14);
        was.session_end = (const char *)sqlite3_column_text(st, 15);
        unsigned char a[16], b[16];
        digest_of(&was, false, a);
        digest_of(im, false, b);
        *same = memcmp(a, b, sizeof a) == 0;
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "importing");
}

/* (device, seq) of each statement of a file, to find two with one id. */
typedef struct seen {
    char device[33];
    int64_t seq;
    unsigned char digest[16];
    size_t statement;
} seen;

static int seen_order(const void *a, const void *b)
{
    const seen *x = a, *y = b;
    int c = strcmp(x->device, y->device);
    if (c)
        return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq ? 1 : x->statement < y->statement ? -1 : 1;
}

static int check_same_ids(hrc_progress *s, const char *path, seen *all, size_t n)
{
    if (n > 1)
        qsort(all, n, sizeof *all, seen_order);
    for (size_t i = 1; i < n; i++)
        if (strcmp(all[i].device, all[i - 1].device) == 0 && all[i].seq == all[i - 1].seq &&
            memcmp(all[i].digest, all[i - 1].digest, 16) != 0)
            return hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                                     "%s: statements %zu and %zu have the same id and different "
                                     "content", path, all[i - 1].statement, all[i].statement);
    return HRC_PROGRESS_OK;
}

/* Adds the event unless (device, sequence) is already there. */
static int insert_imported(hrc_progress *s, const imported *im, int64_t learner, bool *added)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT OR IGNORE INTO event(learner_id, session_id, module_id, module_version,"
        " content_hash, item_id, item_revision, verb, response, success, score, hints_used,"
        " attempt, duration_ms, time_ms, session_end, device_id, seq)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
        " ?17, ?18)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, learner);
        sqlite3_bind_text(st, 2, im->registration, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, im->module_id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, im->module_version);
        sqlite3_bind_text(st, 5, im->content_hash, -1, SQLITE_STATIC);
        if (im->has_item)
            sqlite3_bind_text(st, 6, im->item_id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 7, im->item_revision);
        sqlite3_bind_text(st, 8, hrc_verb_name(im->verb), -1, SQLITE_STATIC);
        if (im->response)
            sqlite3_bind_text(st, 9, im->response, -1, SQLITE_STATIC);
        if (im->has_success)
            sqlite3_bind_int(st, 10, im->success);
        if (im->has_score)
            sqlite3_bind_double(st, 11, im->score);
        sqlite3_bind_int(st, 12, im->hints_used);
        sqlite3_bind_int(st, 13, im->attempt);
        sqlite3_bind_int64(st, 14, im->duration_ms);
        sqlite3_bind_int64(st, 15, im->time_ms);
        sqlite3_bind_text(st, 16, im->session_end, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 17, im->device, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 18, im->seq);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return hrc_progress_fail_db(s, rc, "importing an event");
    *added = sqlite3_changes(s->db) > 0;
    return HRC_PROGRESS_OK;
}

static int read_file(hrc_progress *s, const char *path, char **text, size_t *len)
{
    *text = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return hrc_progress_fail(s, errno == ENOENT ? HRC_PROGRESS_ERR_NOT_FOUND
                                                    : HRC_PROGRESS_ERR_IO,
                                 "cannot read %s: %s", path, strerror(errno));
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || size > MAX_IMPORT_BYTES || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return hrc_progress_fail(s, size > MAX_IMPORT_BYTES ? HRC_PROGRESS_ERR_FORMAT
                                                            : HRC_PROGRESS_ERR_IO,
                                 "%s: not a regular file of at most 512 MiB", path);
    }
    *text = malloc((size_t)size + 1);
    if (!*text) {
        fclose(f);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory reading %s", path);
    }
    *len = fread(*text, 1, (size_t)size, f);
    bool bad = ferror(f) || *len != (size_t)size;
    fclose(f);
    if (bad) {
        free(*text);
        *text = NULL;
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_IO, "cannot read %s", path);
    }
    return HRC_PROGRESS_OK;
}

/* Recomputes every summary inside the caller's transaction. */
static int refresh_all(hrc_progress *s)
{
    int r = hrc_progress_exec(s, "DELETE FROM summary", "importing");
    sqlite3_stmt *st;
    int rc = r ? SQLITE_OK : sqlite3_prepare_v2(s->db,
        "SELECT DISTINCT learner_id, module_id FROM event", -1, &st, NULL);
    if (r || rc != SQLITE_OK)
        return r ? r : hrc_progress_fail_db(s, rc, "importing");
    while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW)
        r = hrc_progress_refresh_summary(s, sqlite3_column_int64(st, 0),
                                         (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    if (!r && rc != SQLITE_DONE)
        r = hrc_progress_fail_db(s, rc, "importing");
    return r;
}

/* A device this store takes events and learners from: itself or trusted. */
static int require_trusted(hrc_progress *s, const char *device, size_t n, const char *what)
{
    bool trusted = false;
    int r = hrc_progress_device_trusted(s, device, &trusted);
    if (!r && !trusted)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_UNTRUSTED,
                              "statement %zu: %s kiosk %s, which this store does not trust", n,
                              what, device);
    return r;
}

/* One statement into the open transaction. */
static int import_one(hrc_progress *s, const hrc_json *st, const char *path,
                      hrc_import_stats *stats, seen *mark)
{
    size_t n = stats->statements;
    imported im;
    const char *why = take_apart(st, &im);
    if (why)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT, "%s: statement %zu: %s", path, n,
                                 why);
    snprintf(mark->device, sizeof mark->device, "%s", im.device);
    mark->seq = im.seq;
    mark->statement = n;
    digest_of(&im, true, mark->digest);
    int r = require_trusted(s, im.device, n, "its event was recorded by");
    if (!r)
        r = require_trusted(s, im.home, n, "its learner belongs to");
    int64_t learner = 0;
    bool learner_added = false, event_added = false;
    if (!r)
        r = learner_for(s, &im, n, &learner, &learner_added);
    if (!r)
        r = insert_imported(s, &im, learner, &event_added);
    if (r)
        return r;
    if (event_added && strcmp(im.device, s->device_id) == 0)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_UNTRUSTED,
                                 "statement %zu: an event said to be recorded by this kiosk, "
                                 "which has no such event", n);
    if (!event_added) {
        bool same = false;
        r = same_as_stored(s, &im, learner, &same);
        if (!r && !same)
            r = hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                                  "statement %zu has the id of an event already here (in this "
                                  "store, or earlier in the file) with different content", n);
        if (r)
            return r;
    }
    stats->learners_added += learner_added;
    stats->added += event_added;
    stats->duplicates += !event_added;
    return HRC_PROGRESS_OK;
}

int hrc_progress_import_json(hrc_progress *s, const char *path, hrc_import_stats *stats)
{
    hrc_import_stats scratch;
    if (!stats)
        stats = &scratch;
    memset(stats, 0, sizeof *stats);
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    char *text = NULL;
    size_t len = 0;
    if (!r)
        r = read_file(s, path, &text, &len);
    /* The bytes checked are the bytes parsed: one read, in memory. */
    hrc_kiosk signer;
    if (!r) {
        r = hrc_progress_verify_export(s, path, text, len, &signer);
        stats->signer = signer;
        stats->signer_trusted = !r;
    }
    if (!r)
        r = hrc_progress_begin(s);
    if (r) {
        free(text);
        return r;
    }
    hrc_json_reader reader;
    hrc_json_reader_init(&reader, text, len);
    if (!hrc_json_array_open(&reader))
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT, "%s: %s", path, reader.err);
    seen *marks = NULL;
    size_t cap = 0;
    const hrc_json *st;
    int got = 0;
    while (!r && (got = hrc_json_array_next(&reader, &st)) == 1) {
        if (stats->statements == cap) {
            cap = cap ? cap * 2 : 256;
            seen *grown = realloc(marks, cap * sizeof *marks);
            if (!grown) {
                r = hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory importing");
                break;
            }
            marks = grown;
        }
        stats->statements++;
        r = import_one(s, st, path, stats, &marks[stats->statements - 1]);
    }
    if (!r && got < 0)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT, "%s: %s", path, reader.err);
    if (!r)
        r = check_same_ids(s, path, marks, stats->statements);
    free(marks);
    hrc_json_reader_free(&reader);
    free(text);
    if (!r && stats->added)
        r = refresh_all(s);
    if (r) {
        hrc_progress_rollback(s);
        size_t statements = stats->statements;
        hrc_kiosk kept = stats->signer;
        bool trusted = stats->signer_trusted;
        memset(stats, 0, sizeof *stats);
        stats->statements = statements;
        stats->signer = kept;
        stats->signer_trusted = trusted;
        return r;
    }
    return hrc_progress_commit(s);
}
