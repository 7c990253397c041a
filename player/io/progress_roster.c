/*
 * progress_roster.c: a trainer's class list (a CSV file from a spreadsheet)
 * becomes learners' profiles, all of them or none. The format and the rules
 * are in progress.h ("Class lists") and docs/trainer.md.
 */
#include "io/progress_internal.h"

#include "core/i18n.h"
#include "core/names.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- Bytes to UTF-8 text -------------------------------------------------- */

/* Windows-1252's 0x80..0x9F; its five holes stay C1 controls, which the
 * name rule refuses with the line number. */
static const uint16_t cp1252[32] = {
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* Windows-1252 (Latin-1 as Windows writes it) to UTF-8; NULL when out of
 * memory. */
static char *from_cp1252(const unsigned char *in, size_t len, size_t *out_len)
{
    char *out = malloc(len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned c = in[i];
        if (c >= 0x80 && c < 0xa0)
            c = cp1252[c - 0x80];
        if (c < 0x80) {
            *o++ = (char)c;
        } else if (c < 0x800) {
            *o++ = (char)(0xc0 | c >> 6);
            *o++ = (char)(0x80 | (c & 0x3f));
        } else {
            *o++ = (char)(0xe0 | c >> 12);
            *o++ = (char)(0x80 | (c >> 6 & 0x3f));
            *o++ = (char)(0x80 | (c & 0x3f));
        }
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* The file's text as UTF-8 (a new buffer), or an error with s->err set. */
static int to_utf8(hrc_progress *s, const char *data, size_t len, char **text, size_t *text_len,
                   hrc_roster_report *report)
{
    const unsigned char *b = (const unsigned char *)data;
    if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) || (b[0] == 0xfe && b[1] == 0xff)))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                                 "the class list is in UTF-16 (\"Unicode text\"): save it as "
                                 "\"CSV UTF-8\" instead");
    if (memchr(data, '\0', len))
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                                 "the class list is not a text file (it holds NUL bytes): save "
                                 "it as CSV from the spreadsheet");
    if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
        data += 3, len -= 3;
    if (hrc_progress_utf8_is_valid(data, len)) {
        *text = malloc(len + 1);
        if (*text) {
            memcpy(*text, data, len);
            (*text)[len] = '\0';
            *text_len = len;
        }
        report->encoding = "UTF-8";
    } else {
        *text = from_cp1252((const unsigned char *)data, len, text_len);
        report->encoding = "Windows-1252";
    }
    return *text ? HRC_PROGRESS_OK
                 : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
}

/* ---- Lines and fields ---------------------------------------------------- */

#define MAX_FIELDS 32

typedef struct text_line {
    char *text;   /* NUL-terminated, in the decoded buffer */
    size_t number;
} text_line;

/* Cuts text into lines in place (LF, CRLF or CR). */
static text_line *split_lines(char *text, size_t len, size_t *n)
{
    size_t cap = 64, count = 0;
    text_line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return NULL;
    char *p = text, *end = text + len;
    while (p < end) {
        char *eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r')
            eol++;
        if (count == cap) {
            cap *= 2;
            text_line *grown = realloc(lines, cap * sizeof *lines);
            if (!grown) {
                free(lines);
                return NULL;
            }
            lines = grown;
        }
        lines[count] = (text_line){p, count + 1};
        count++;
        char *next = eol;
        if (next < end && *next == '\r' && next + 1 < end && next[1] == '\n')
            next += 2;
        else if (next < end)
            next++;
        *eol = '\0';
        p = next;
    }
    *n = count;
    return lines;
}

/*
 * Splits one line into fields at sep (0: one field). Quoted fields ("a;b",
 * "say ""hi""") are unquoted in place. Returns the number of fields, or
 * -1 when a quote is left open; at most MAX_FIELDS are kept (more: -2).
 */
static int split_fields(char *text, char sep, char **fields)
{
    int n = 0;
    char *p = text;
    for (;;) {
        if (n == MAX_FIELDS)
            return -2;
        char *start = p, *o = p;
        while (*p == ' ' || *p == '\t') {
            if (*p == sep)
                break;
            p++;
        }
        if (*p == '"') {
            p++;
            o = start;
            for (;;) {
                if (!*p)
                    return -1;
                if (*p == '"' && p[1] == '"') {
                    *o++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *o++ = *p++;
                }
            }
            /* Anything between the closing quote and the separator stays. */
            while (*p && *p != sep)
                *o++ = *p++;
        } else {
            p = start;
            o = NULL;
            while (*p && *p != sep)
                p++;
        }
        char after = *p;
        if (o)
            *o = '\0';
        else
            *p = '\0';
        fields[n++] = start;
        if (!after || !sep)
            break;
        p++;
    }
    return n;
}

/* Whether c is in text outside quotes. */
static bool has_separator(const char *text, char c)
{
    bool quoted = false;
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == c && !quoted)
            return true;
    }
    return false;
}

static bool blank(const char *text)
{
    for (; *text; text++)
        if (*text != ' ' && *text != '\t')
            return false;
    return true;
}

/* The separator found on the most of the first ten non-empty lines
 * (';' before tab before ',' when as many); 0 when none is. */
static char detect_separator(const text_line *lines, size_t n)
{
    static const char candidates[] = {';', '\t', ','};
    size_t counts[3] = {0, 0, 0}, seen = 0;
    for (size_t i = 0; i < n && seen < 10; i++) {
        if (blank(lines[i].text))
            continue;
        seen++;
        for (int c = 0; c < 3; c++)
            counts[c] += has_separator(lines[i].text, candidates[c]);
    }
    int best = -1;
    for (int c = 0; c < 3; c++)
        if (counts[c] && (best < 0 || counts[c] > counts[best]))
            best = c;
    return best < 0 ? 0 : candidates[best];
}

/* ---- The header ----------------------------------------------------------- */

typedef enum column_kind {
    COL_OTHER, COL_NAME, COL_FIRST, COL_LAST, COL_GROUP,
    COL_NAME_OR_LAST,  /* French "Nom": the last name next to "Prénom" */
    COL_NAME_OR_FIRST, /* Spanish "Nombre": the first name next to "Apellidos" */
} column_kind;

/* Header words, compared as hrc_name_key() writes them (no case, no accents). */
static const struct {
    const char *key;
    column_kind kind;
} header_words[] = {
    {"name", COL_NAME}, {"full name", COL_NAME}, {"learner", COL_NAME},
    {"participant", COL_NAME}, {"student", COL_NAME}, {"trainee", COL_NAME},
    {"nom complet", COL_NAME}, {"nom et prenom", COL_NAME}, {"prenom et nom", COL_NAME},
    {"nom prenom", COL_NAME}, {"prenom nom", COL_NAME}, {"apprenant", COL_NAME},
    {"apprenante", COL_NAME}, {"stagiaire", COL_NAME}, {"participante", COL_NAME},
    {"nombre completo", COL_NAME}, {"nombre y apellidos", COL_NAME}, {"alumno", COL_NAME},
    {"alumna", COL_NAME}, {"estudiante", COL_NAME},
    {"first name", COL_FIRST}, {"firstname", COL_FIRST}, {"given name", COL_FIRST},
    {"prenom", COL_FIRST},
    {"last name", COL_LAST}, {"lastname", COL_LAST}, {"surname", COL_LAST},
    {"family name", COL_LAST}, {"nom de famille", COL_LAST}, {"apellido", COL_LAST},
    {"apellidos", COL_LAST},
    {"nom", COL_NAME_OR_LAST}, {"nombre", COL_NAME_OR_FIRST},
    {"group", COL_GROUP}, {"groupe", COL_GROUP}, {"grupo", COL_GROUP}, {"session", COL_GROUP},
    {"sesion", COL_GROUP}, {"class", COL_GROUP}, {"classe", COL_GROUP}, {"clase", COL_GROUP},
    {"training", COL_GROUP}, {"formation", COL_GROUP}, {"formacion", COL_GROUP},
};

static column_kind classify(const char *field)
{
    char key[128];
    hrc_name_key(field, key, sizeof key);
    for (size_t i = 0; i < sizeof header_words / sizeof header_words[0]; i++)
        if (strcmp(key, header_words[i].key) == 0)
            return header_words[i].kind;
    return COL_OTHER;
}

typedef struct columns {
    int name, first, last, group; /* field index, -1 when absent */
} columns;

/* Whether the fields are a header; *cols then says where things are. */
static bool read_header(char **fields, int n, columns *cols, column_kind *kinds)
{
    bool names = false, split = false;
    for (int i = 0; i < n; i++) {
        kinds[i] = blank(fields[i]) ? COL_OTHER : classify(fields[i]);
        names |= kinds[i] != COL_OTHER && kinds[i] != COL_GROUP;
        split |= kinds[i] == COL_FIRST || kinds[i] == COL_LAST;
    }
    if (!names)
        return false;
    *cols = (columns){-1, -1, -1, -1};
    for (int i = 0; i < n; i++) {
        column_kind k = kinds[i];
        if (k == COL_NAME_OR_LAST)
            k = split ? COL_LAST : COL_NAME;
        if (k == COL_NAME_OR_FIRST)
            k = split ? COL_FIRST : COL_NAME;
        kinds[i] = k;
        int *slot = k == COL_NAME ? &cols->name : k == COL_FIRST ? &cols->first
                  : k == COL_LAST ? &cols->last : k == COL_GROUP ? &cols->group : NULL;
        if (slot && *slot < 0)
            *slot = i;
        else if (slot)
            kinds[i] = COL_OTHER; /* a second "Name" column: ignored */
    }
    if (cols->name >= 0)
        cols->first = cols->last = -1;
    return true;
}

/* ---- The report ------------------------------------------------------------ */

static void add_issue(hrc_roster_report *r, size_t line, hrc_roster_issue_kind kind,
                      size_t other, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void add_issue(hrc_roster_report *r, size_t line, hrc_roster_issue_kind kind,
                      size_t other, const char *name, const char *fmt, ...)
{
    bool error = kind <= HRC_ROSTER_BAD_LINE;
    r->errors += error;
    r->skipped += kind == HRC_ROSTER_DUPLICATE || kind == HRC_ROSTER_EXISTS;
    if (r->n_issues >= HRC_ROSTER_MAX_ISSUES)
        return;
    hrc_roster_issue *grown = realloc(r->issues, (r->n_issues + 1) * sizeof *grown);
    if (!grown)
        return;
    r->issues = grown;
    hrc_roster_issue *is = &r->issues[r->n_issues++];
    memset(is, 0, sizeof *is);
    is->line = line;
    is->kind = kind;
    is->error = error;
    is->other_line = other;
    snprintf(is->name, sizeof is->name, "%s", name ? name : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(is->message, sizeof is->message, fmt, ap);
    va_end(ap);
}

static int by_line(const void *a, const void *b)
{
    const hrc_roster_issue *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->error == y->error ? 0 : x->error ? -1 : 1;
}

void hrc_roster_report_free(hrc_roster_report *report)
{
    if (!report)
        return;
    free(report->issues);
    report->issues = NULL;
    report->n_issues = 0;
}

/* ---- Learners of the file ---------------------------------------------------- */

typedef struct entry {
    size_t line;
    char name[HRC_LEARNER_NAME_MAX];
    char group[HRC_GROUP_NAME_MAX]; /* "" when the line names none */
    char key[HRC_LEARNER_NAME_MAX * 2];
    size_t duplicate_of;           /* the earlier line with the same name; 0 */
    bool exists;                   /* a learner here has this name */
    int64_t group_id;
} entry;

static int by_key_then_line(const void *a, const void *b)
{
    const entry *const *x = a, *const *y = b;
    int c = strcmp((*x)->key, (*y)->key);
    if (c)
        return c;
    return (*x)->line < (*y)->line ? -1 : (*x)->line > (*y)->line;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Joins first and last names into out ("" when both are empty). */
static void join_names(const char *first, const char *last, char *out, size_t size)
{
    char a[HRC_LEARNER_NAME_MAX + 8], b[HRC_LEARNER_NAME_MAX + 8];
    hrc_name_clean(first, a, sizeof a);
    hrc_name_clean(last, b, sizeof b);
    size_t n = strlen(a);
    snprintf(out, size, "%s", a);
    if (a[0] && b[0] && n + 1 < size)
        out[n++] = ' ';
    if (n < size)
        snprintf(out + n, size - n, "%s", b);
}

/* Reads one data line into e; false (with an issue) when it is refused. */
static bool read_entry(char **fields, int n, const columns *cols, bool header, size_t number,
                       entry *e, hrc_roster_report *r)
{
    char raw_name[HRC_LEARNER_NAME_MAX * 2 + 8] = "";
    const char *raw_group = "";
    if (header) {
        if (cols->name >= 0 && cols->name < n)
            snprintf(raw_name, sizeof raw_name, "%s", fields[cols->name]);
        else if (cols->name < 0)
            join_names(cols->first >= 0 && cols->first < n ? fields[cols->first] : "",
                       cols->last >= 0 && cols->last < n ? fields[cols->last] : "", raw_name,
                       sizeof raw_name);
        if (cols->group >= 0 && cols->group < n)
            raw_group = fields[cols->group];
    } else {
        int used = n;
        while (used > 0 && blank(fields[used - 1]))
            used--;
        if (used > 2) {
            add_issue(r, number, HRC_ROSTER_BAD_LINE, 0, NULL,
                      _("line %zu: %d fields; a class list has a name and, optionally, a "
                        "group (or a first line naming its columns)"), number, used);
            return false;
        }
        snprintf(raw_name, sizeof raw_name, "%s", fields[0]);
        if (n > 1)
            raw_group = fields[1];
    }
    e->line = number;
    hrc_name_problem p = hrc_name_clean(raw_name, e->name, sizeof e->name);
    char group[HRC_GROUP_NAME_MAX];
    hrc_name_problem g = blank(raw_group) ? HRC_NAME_OK
                                          : hrc_name_clean(raw_group, group, sizeof group);
    if (p == HRC_NAME_EMPTY && !blank(raw_group)) {
        add_issue(r, number, HRC_ROSTER_BAD_LINE, 0, NULL,
                  _("line %zu: a group but no name"), number);
        return false;
    }
    if (p != HRC_NAME_OK) {
        add_issue(r, number, HRC_ROSTER_BAD_NAME, 0, NULL, _("line %zu: %s"), number,
                  _(hrc_name_problem_text(p)));
        return false;
    }
    if (g != HRC_NAME_OK) {
        add_issue(r, number, HRC_ROSTER_BAD_GROUP, 0, e->name,
                  _("line %zu: the group's name is refused: %s"), number,
                  _(hrc_name_problem_text(g)));
        return false;
    }
    snprintf(e->group, sizeof e->group, "%s", blank(raw_group) ? "" : group);
    hrc_name_key(e->name, e->key, sizeof e->key);
    return true;
}

/* Reads every line; entries of the lines that hold a learner. */
static int read_entries(hrc_progress *s, char *text, size_t len, entry **out, size_t *n_out,
                        hrc_roster_report *r)
{
    size_t n_lines = 0;
    text_line *lines = split_lines(text, len, &n_lines);
    if (!lines)
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    if (n_lines > HRC_ROSTER_MAX_LINES) {
        free(lines);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                                 "the class list has more than %d lines", HRC_ROSTER_MAX_LINES);
    }
    r->separator = detect_separator(lines, n_lines);
    entry *entries = calloc(n_lines ? n_lines : 1, sizeof *entries);
    if (!entries) {
        free(lines);
        return hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    }
    columns cols = {0, -1, -1, 1};
    bool first = true;
    size_t count = 0;
    for (size_t i = 0; i < n_lines; i++) {
        if (blank(lines[i].text))
            continue;
        char *fields[MAX_FIELDS];
        int n = split_fields(lines[i].text, r->separator, fields);
        if (n == -1) {
            add_issue(r, lines[i].number, HRC_ROSTER_BAD_LINE, 0, NULL,
                      _("line %zu: a quote (\") is not closed"), lines[i].number);
            first = false;
            continue;
        }
        if (n < 0) {
            add_issue(r, lines[i].number, HRC_ROSTER_BAD_LINE, 0, NULL,
                      _("line %zu: more than %d fields"), lines[i].number, MAX_FIELDS);
            first = false;
            continue;
        }
        if (first) {
            first = false;
            column_kind kinds[MAX_FIELDS];
            if (read_header(fields, n, &cols, kinds)) {
                r->header = true;
                for (int k = 0; k < n; k++)
                    if (kinds[k] == COL_OTHER && !blank(fields[k])) {
                        char shown[HRC_LEARNER_NAME_MAX];
                        if (hrc_name_clean(fields[k], shown, sizeof shown) != HRC_NAME_OK)
                            snprintf(shown, sizeof shown, "%d", k + 1);
                        add_issue(r, lines[i].number, HRC_ROSTER_IGNORED_COLUMN, 0, shown,
                                  _("line %zu: the column \"%s\" is neither a name nor a "
                                    "group; ignored"), lines[i].number, shown);
                    }
                continue;
            }
        }
        r->lines++;
        if (read_entry(fields, n, &cols, r->header, lines[i].number, &entries[count], r))
            count++;
    }
    free(lines);
    *out = entries;
    *n_out = count;
    return HRC_PROGRESS_OK;
}

/* Marks lines whose name an earlier line or a learner here has. */
static int find_duplicates(hrc_progress *s, entry *entries, size_t n, hrc_roster_report *r)
{
    entry **sorted = malloc((n ? n : 1) * sizeof *sorted);
    hrc_learner *learners = NULL;
    size_t n_learners = 0;
    char **keys = NULL;
    int res = sorted ? hrc_progress_list_learners(s, &learners, &n_learners)
                     : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    if (!res) {
        keys = malloc((n_learners ? n_learners : 1) * sizeof *keys);
        if (!keys)
            res = hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    }
    if (res) {
        free(sorted);
        free(learners);
        return res;
    }
    /* Keys of the learners here, sorted; the name field is reused for it. */
    for (size_t i = 0; i < n_learners; i++) {
        char key[sizeof learners[i].name];
        hrc_name_key(learners[i].name, key, sizeof key);
        memcpy(learners[i].name, key, sizeof key);
        keys[i] = learners[i].name;
    }
    qsort(keys, n_learners, sizeof *keys, by_string);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &entries[i];
    qsort(sorted, n, sizeof *sorted, by_key_then_line);
    for (size_t i = 1; i < n; i++)
        if (strcmp(sorted[i]->key, sorted[i - 1]->key) == 0)
            sorted[i]->duplicate_of = sorted[i - 1]->duplicate_of ? sorted[i - 1]->duplicate_of
                                                                  : sorted[i - 1]->line;
    for (size_t i = 0; i < n; i++) {
        entry *e = &entries[i];
        const char *key = e->key;
        e->exists = !e->duplicate_of &&
                    bsearch(&key, keys, n_learners, sizeof *keys, by_string) != NULL;
        if (e->duplicate_of)
            add_issue(r, e->line, HRC_ROSTER_DUPLICATE, e->duplicate_of, e->name,
                      _("line %zu: %s is already on line %zu; skipped"), e->line, e->name,
                      e->duplicate_of);
        else if (e->exists)
            add_issue(r, e->line, HRC_ROSTER_EXISTS, 0, e->name,
                      _("line %zu: a learner called %s is already here; skipped"), e->line,
                      e->name);
    }
    free(keys);
    free(learners);
    free(sorted);
    return HRC_PROGRESS_OK;
}

/* ---- Writing ---------------------------------------------------------------- */

/* The id of the group called name, made when there is none. */
static int group_named(hrc_progress *s, const char *name, int64_t *id,
                       hrc_roster_report *r)
{
    hrc_group g;
    int res = hrc_progress_find_group(s, name, &g);
    if (!res) {
        *id = g.id;
        return HRC_PROGRESS_OK;
    }
    if (res != HRC_PROGRESS_ERR_NOT_FOUND)
        return res;
    res = hrc_progress_insert_group(s, name, "", id);
    r->groups_added += !res;
    return res;
}

static int insert_learner(hrc_progress *s, const entry *e)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "INSERT INTO learner(uuid, name, home_device, created_ms, group_id)"
        " VALUES(?1, ?2, ?3, ?4, ?5)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        char uuid[37];
        hrc_progress_uuid_random(uuid);
        sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, e->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, s->device_id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, hrc_progress_now_ms());
        if (e->group_id > 0)
            sqlite3_bind_int64(st, 5, e->group_id);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HRC_PROGRESS_OK : hrc_progress_fail_db(s, rc, "adding a learner");
}

static int write_entries(hrc_progress *s, entry *entries, size_t n,
                         const hrc_roster_options *opts, hrc_roster_report *r)
{
    int64_t fallback = 0;
    int res = HRC_PROGRESS_OK;
    if (opts && opts->group) {
        char clean[HRC_GROUP_NAME_MAX];
        hrc_name_problem p = hrc_name_clean(opts->group, clean, sizeof clean);
        res = p ? hrc_progress_fail(s, HRC_PROGRESS_ERR_NAME, "the group's name: %s",
                                    hrc_name_problem_text(p))
                : group_named(s, clean, &fallback, r);
    } else {
        res = hrc_progress_open_group(s, &fallback);
    }
    for (size_t i = 0; !res && i < n; i++) {
        entry *e = &entries[i];
        if (e->duplicate_of || e->exists)
            continue;
        e->group_id = fallback;
        if (e->group[0])
            res = group_named(s, e->group, &e->group_id, r);
        if (!res)
            res = insert_learner(s, e);
        r->learners_added += !res;
    }
    return res;
}

int hrc_progress_import_class_data(hrc_progress *s, const char *data, size_t len,
                                   const hrc_roster_options *opts, hrc_roster_report *report)
{
    hrc_roster_report scratch;
    if (!report)
        report = &scratch;
    memset(report, 0, sizeof *report);
    report->encoding = "UTF-8";
    if (!s)
        return HRC_PROGRESS_ERR_READONLY; /* not recording */
    int r = hrc_progress_require_writable(s);
    if (!r)
        r = hrc_progress_require_unlocked(s);
    if (!r && len > HRC_ROSTER_MAX_BYTES)
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT, "the class list is larger than %d MiB",
                              HRC_ROSTER_MAX_BYTES >> 20);
    char *text = NULL;
    size_t text_len = 0;
    if (!r)
        r = to_utf8(s, data, len, &text, &text_len, report);
    entry *entries = NULL;
    size_t n = 0;
    if (!r)
        r = read_entries(s, text, text_len, &entries, &n, report);
    if (!r)
        r = find_duplicates(s, entries, n, report);
    if (!r && report->errors) {
        const hrc_roster_issue *first = NULL;
        for (size_t i = 0; i < report->n_issues && !first; i++)
            if (report->issues[i].error)
                first = &report->issues[i];
        r = hrc_progress_fail(s, HRC_PROGRESS_ERR_FORMAT,
                              "the class list was refused, nothing was added: %zu problem%s "
                              "(%s)", report->errors, report->errors > 1 ? "s" : "",
                              first ? first->message : "");
    }
    if (!r)
        r = hrc_progress_begin(s);
    if (!r) {
        r = write_entries(s, entries, n, opts, report);
        if (r || (opts && opts->dry_run))
            hrc_progress_rollback(s);
        else
            r = hrc_progress_commit(s);
        if (r) {
            report->learners_added = 0;
            report->groups_added = 0;
        }
    }
    free(entries);
    free(text);
    if (report->n_issues > 1)
        qsort(report->issues, report->n_issues, sizeof *report->issues, by_line);
    if (report == &scratch)
        hrc_roster_report_free(report);
    return r;
}

int hrc_progress_import_class(hrc_progress *s, const char *path, const hrc_roster_options *opts,
                              hrc_roster_report *report)
{
    if (report)
        memset(report, 0, sizeof *report);
    if (!s)
        return HRC_PROGRESS_ERR_READONLY;
    FILE *f = fopen(path, "rb");
    if (!f)
        return hrc_progress_fail(s, errno == ENOENT ? HRC_PROGRESS_ERR_NOT_FOUND
                                                    : HRC_PROGRESS_ERR_IO,
                                 "cannot read %s: %s", path, strerror(errno));
    char *data = malloc(HRC_ROSTER_MAX_BYTES + 1);
    size_t len = data ? fread(data, 1, HRC_ROSTER_MAX_BYTES + 1, f) : 0;
    bool bad = !data || ferror(f);
    fclose(f);
    if (bad) {
        free(data);
        return data ? hrc_progress_fail(s, HRC_PROGRESS_ERR_IO, "cannot read %s", path)
                    : hrc_progress_fail(s, HRC_PROGRESS_ERR_NOMEM, "out of memory");
    }
    int r = hrc_progress_import_class_data(s, data, len, opts, report);
    free(data);
    return r;
}
