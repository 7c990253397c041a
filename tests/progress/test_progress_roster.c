/*
 * Class lists: the files a trainer brings on a USB stick, as spreadsheets
 * write them (UTF-8 or Latin-1, ';' or ',', with or without a header), the
 * duplicates reported and skipped, and a bad line refusing the whole file.
 */
#include "io/progress.h"
#include "progress_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

typedef struct fixture {
    char dir[256];
    hrc_progress *s;
    hrc_roster_report report;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    scratch_make(f->dir, sizeof f->dir);
    assert_int_equal(hrc_progress_open(f->dir, HRC_PROGRESS_OPEN_FACILITATOR |
                                                   HRC_PROGRESS_OPEN_FAST_PIN_HASH,
                                       &f->s, NULL), HRC_PROGRESS_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hrc_roster_report_free(&f->report);
    hrc_progress_close(f->s);
    scratch_remove(f->dir);
    free(f);
    return 0;
}

static int import(fixture *f, const char *text, const char *group)
{
    hrc_roster_report_free(&f->report);
    hrc_roster_options opts = {.group = group};
    return hrc_progress_import_class_data(f->s, text, strlen(text), &opts, &f->report);
}

/* The learners' names, by name, joined with '|', and their groups' names. */
static void learners(fixture *f, char *names, size_t size, char *groups, size_t gsize)
{
    hrc_learner *ls = NULL;
    size_t n = 0;
    assert_int_equal(hrc_progress_list_learners(f->s, &ls, &n), HRC_PROGRESS_OK);
    names[0] = groups[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        hrc_group g = {0};
        if (ls[i].group_id)
            assert_int_equal(hrc_progress_get_group(f->s, ls[i].group_id, &g), HRC_PROGRESS_OK);
        snprintf(names + strlen(names), size - strlen(names), "%s%s", i ? "|" : "", ls[i].name);
        snprintf(groups + strlen(groups), gsize - strlen(groups), "%s%s", i ? "|" : "",
                 g.name);
    }
    free(ls);
}

static void test_utf8_with_header_and_semicolons(void **state)
{
    fixture *f = *state;
    /* As LibreOffice and Excel ("CSV UTF-8") write it in France: a byte
     * order mark, ';', CRLF, a quoted field, an empty line. */
    static const char text[] = "\xef\xbb\xbfNom;Groupe\r\n"
                               "Zoé Martín;Rouen, 12 mars\r\n"
                               "\"Dupont; Marie\";Rouen, 12 mars\r\n"
                               "\r\n"
                               "  Ali Ben  ;\r\n"
                               "Élise Durand;Lyon\r\n";
    assert_int_equal(import(f, text, NULL), HRC_PROGRESS_OK);
    assert_string_equal(f->report.encoding, "UTF-8");
    assert_int_equal(f->report.separator, ';');
    assert_true(f->report.header);
    assert_int_equal(f->report.lines, 4);
    assert_int_equal(f->report.learners_added, 4);
    assert_int_equal(f->report.groups_added, 2);
    assert_int_equal(f->report.n_issues, 0);
    char names[1024], groups[1024];
    learners(f, names, sizeof names, groups, sizeof groups);
    /* (The store lists by name, case ignored in ASCII only.) */
    assert_string_equal(names, "Ali Ben|Dupont; Marie|Zoé Martín|Élise Durand");
    assert_string_equal(groups, "|Rouen, 12 mars|Rouen, 12 mars|Lyon");
}

static void test_latin1_with_commas_and_no_header(void **state)
{
    fixture *f = *state;
    /* Excel's "CSV (comma delimited)" on Windows: Windows-1252, no header. */
    static const char text[] = "Fran\xe7ois L\xe9vy,Groupe A\n"
                               "Chlo\xe9 O\x92Neil,Groupe A\n"   /* a typographic apostrophe */
                               "\"N\xfa\xf1" "ez, Jos\xe9\",Groupe B\n"
                               "Zo\xeb Smith\n";
    assert_int_equal(import(f, text, "Default"), HRC_PROGRESS_OK);
    assert_string_equal(f->report.encoding, "Windows-1252");
    assert_int_equal(f->report.separator, ',');
    assert_false(f->report.header);
    assert_int_equal(f->report.learners_added, 4);
    assert_int_equal(f->report.groups_added, 3); /* Groupe A, Groupe B, Default */
    char names[1024], groups[1024];
    learners(f, names, sizeof names, groups, sizeof groups);
    assert_string_equal(names, "Chloé O’Neil|François Lévy|Núñez, José|Zoë Smith");
    assert_string_equal(groups, "Groupe A|Groupe A|Groupe B|Default");
}

static void test_first_and_last_names_and_other_columns(void **state)
{
    fixture *f = *state;
    static const char text[] = "E-mail;Prénom;Nom\n"
                               "ana@example.org;Ana;Lima\n"
                               "bo@example.org;Bo;\n";
    assert_int_equal(import(f, text, NULL), HRC_PROGRESS_OK);
    assert_true(f->report.header);
    assert_int_equal(f->report.learners_added, 2);
    assert_int_equal(f->report.n_issues, 1);
    assert_int_equal(f->report.issues[0].kind, HRC_ROSTER_IGNORED_COLUMN);
    assert_false(f->report.issues[0].error);
    assert_string_equal(f->report.issues[0].name, "E-mail");
    char names[1024], groups[1024];
    learners(f, names, sizeof names, groups, sizeof groups);
    assert_string_equal(names, "Ana Lima|Bo");
    /* A tab-separated list with Spanish words in any order. */
    static const char tabs[] = "Grupo\tApellidos\tNombre\nMadrid\tGarcía López\tLucía\n";
    assert_int_equal(import(f, tabs, NULL), HRC_PROGRESS_OK);
    assert_int_equal(f->report.separator, '\t');
    learners(f, names, sizeof names, groups, sizeof groups);
    assert_string_equal(names, "Ana Lima|Bo|Lucía García López");
    assert_string_equal(groups, "||Madrid");
}

static void test_duplicates_are_reported_and_skipped(void **state)
{
    fixture *f = *state;
    int64_t id = 0;
    assert_int_equal(hrc_progress_add_learner(f->s, "Zoé Martín", NULL, NULL, &id), 0);
    static const char text[] = "Name\n"
                               "Marie Dupont\n"        /* line 2 */
                               "ZOE MARTIN\n"          /* line 3: already here */
                               "Paul Roy\n"            /* line 4 */
                               "marie   dupont\n"      /* line 5: same as line 2 */
                               "Marie Dupont\n";       /* line 6: same as line 2 */
    assert_int_equal(import(f, text, NULL), HRC_PROGRESS_OK);
    assert_int_equal(f->report.learners_added, 2);
    assert_int_equal(f->report.skipped, 3);
    assert_int_equal(f->report.errors, 0);
    assert_int_equal(f->report.n_issues, 3);
    assert_int_equal(f->report.issues[0].line, 3);
    assert_int_equal(f->report.issues[0].kind, HRC_ROSTER_EXISTS);
    assert_string_equal(f->report.issues[0].message,
                        "line 3: a learner called ZOE MARTIN is already here; skipped");
    assert_int_equal(f->report.issues[1].line, 5);
    assert_int_equal(f->report.issues[1].kind, HRC_ROSTER_DUPLICATE);
    assert_int_equal(f->report.issues[1].other_line, 2);
    assert_string_equal(f->report.issues[1].message,
                        "line 5: marie   dupont is already on line 2; skipped");
    assert_int_equal(f->report.issues[2].other_line, 2);
    char names[1024], groups[1024];
    learners(f, names, sizeof names, groups, sizeof groups);
    assert_string_equal(names, "Marie Dupont|Paul Roy|Zoé Martín");

    /* Importing the same file again adds nobody. */
    assert_int_equal(import(f, text, NULL), HRC_PROGRESS_OK);
    assert_int_equal(f->report.learners_added, 0);
    assert_int_equal(f->report.skipped, 5);
}

static void test_a_bad_line_refuses_the_whole_file(void **state)
{
    fixture *f = *state;
    long long before = sql_int(f->dir, "SELECT count(*) FROM learner");
    static const char text[] = "Ana;Rouen\n"
                               "Bo\tBlanc;Rouen\n"              /* line 2: a tab in a name */
                               "\"Cy;Rouen\n"                   /* line 3: quote left open */
                               "Di;Rouen;extra;fields\n"       /* line 4: too many fields */
                               ";Rouen\n"                       /* line 5: no name */
                               "Ed;\xe2\x80\xaeGroup\n";        /* line 6: a bidi override */
    assert_int_equal(import(f, text, NULL), HRC_PROGRESS_ERR_FORMAT);
    assert_int_equal(f->report.errors, 5);
    assert_int_equal(f->report.learners_added, 0);
    assert_int_equal(f->report.groups_added, 0);
    size_t lines[] = {2, 3, 4, 5, 6};
    hrc_roster_issue_kind kinds[] = {HRC_ROSTER_BAD_NAME, HRC_ROSTER_BAD_LINE,
                                     HRC_ROSTER_BAD_LINE, HRC_ROSTER_BAD_LINE,
                                     HRC_ROSTER_BAD_GROUP};
    assert_int_equal(f->report.n_issues, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(f->report.issues[i].line, lines[i]);
        assert_int_equal(f->report.issues[i].kind, kinds[i]);
        assert_true(f->report.issues[i].error);
    }
    assert_string_equal(f->report.issues[0].message,
                        "line 2: A name cannot hold tabs, line breaks or other control "
                        "characters.");
    assert_string_equal(f->report.issues[1].message, "line 3: a quote (\") is not closed");
    assert_non_null(strstr(hrc_progress_errmsg(f->s), "nothing was added"));
    /* Nothing was written: no learner, no group. */
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), before);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner_group"), 0);

    /* One bad line among good ones is enough. */
    static const char one[] = "Ana\nBo\nC\x01y\nDi\n";
    assert_int_equal(import(f, one, NULL), HRC_PROGRESS_ERR_FORMAT);
    assert_int_equal(f->report.errors, 1);
    assert_int_equal(f->report.issues[0].line, 3);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), before);
}

static void test_files_that_are_not_class_lists(void **state)
{
    fixture *f = *state;
    static const char utf16[] = "\xff\xfeN\0a\0m\0e\0";
    hrc_roster_options opts = {0};
    assert_int_equal(hrc_progress_import_class_data(f->s, utf16, sizeof utf16 - 1, &opts,
                                                    &f->report), HRC_PROGRESS_ERR_FORMAT);
    assert_non_null(strstr(hrc_progress_errmsg(f->s), "UTF-16"));
    static const char binary[] = "PK\x03\x04\0\0zip";
    assert_int_equal(hrc_progress_import_class_data(f->s, binary, sizeof binary - 1, &opts,
                                                    &f->report), HRC_PROGRESS_ERR_FORMAT);
    char path[300];
    snprintf(path, sizeof path, "%s/missing.csv", f->dir);
    assert_int_equal(hrc_progress_import_class(f->s, path, NULL, NULL),
                     HRC_PROGRESS_ERR_NOT_FOUND);
    /* An empty file adds nobody, and is no error. */
    assert_int_equal(import(f, "", NULL), HRC_PROGRESS_OK);
    assert_int_equal(f->report.learners_added, 0);
    /* The facilitator only. */
    hrc_progress_lock(f->s);
    assert_int_equal(import(f, "Ana\n", NULL), HRC_PROGRESS_ERR_LOCKED);
}

static void test_open_group_and_dry_run(void **state)
{
    fixture *f = *state;
    int64_t g = 0;
    assert_int_equal(hrc_progress_add_group(f->s, "Today", NULL, &g), HRC_PROGRESS_OK);
    assert_int_equal(hrc_progress_set_open_group(f->s, g), HRC_PROGRESS_OK);
    hrc_roster_options opts = {.dry_run = true};
    static const char text[] = "Ana\nBo;Other\n";
    assert_int_equal(hrc_progress_import_class_data(f->s, text, strlen(text), &opts,
                                                    &f->report), HRC_PROGRESS_OK);
    assert_int_equal(f->report.learners_added, 2);
    assert_int_equal(f->report.groups_added, 1);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner"), 0);
    assert_int_equal(sql_int(f->dir, "SELECT count(*) FROM learner_group"), 1);
    assert_int_equal(import(f, text, NULL), HRC_PROGRESS_OK);
    char names[1024], groups[1024];
    learners(f, names, sizeof names, groups, sizeof groups);
    assert_string_equal(names, "Ana|Bo");
    assert_string_equal(groups, "Today|Other");
    /* From a file on disk, as --import-class and the USB stick read it. */
    char path[300];
    snprintf(path, sizeof path, "%s/list.csv", f->dir);
    FILE *out = fopen(path, "w");
    fputs("Cy\n", out);
    fclose(out);
    hrc_roster_report_free(&f->report);
    assert_int_equal(hrc_progress_import_class(f->s, path, NULL, &f->report), HRC_PROGRESS_OK);
    assert_int_equal(f->report.learners_added, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_utf8_with_header_and_semicolons, setup, teardown),
        cmocka_unit_test_setup_teardown(test_latin1_with_commas_and_no_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_and_last_names_and_other_columns, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_duplicates_are_reported_and_skipped, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_bad_line_refuses_the_whole_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_files_that_are_not_class_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_group_and_dry_run, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
