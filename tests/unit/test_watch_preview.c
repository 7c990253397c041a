/*
 * The author preview with no display: a real module in a temporary folder
 * is edited, broken, fixed and deleted, and the preview session
 * (io/preview.h, screens/preview_app.h) must reload at the same place,
 * show the problems while broken and new warnings until dismissed, and
 * never crash. The problems view: its footer never covers a problem, long
 * source lines are cut with an ellipsis, the mark stands under the column.
 */
#include "io/preview.h"
#include "screens/goto.h"
#include "screens/preview_app.h"
#include "screens/problems.h"
#include "core/theme.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char MODULE[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<module format=\"1\" id=\"m\" version=\"1\" xml:lang=\"en\">\n"
    "<meta><title>M</title><summary>S</summary><author>A</author><licence>L</licence></meta>\n"
    "<page id=\"p1\"><title>Page one</title><p>One</p></page>\n"
    "<page id=\"p2\"><title>%s</title><p>Two</p>\n"
    "<image src=\"images/pic.png\"><alt>A picture</alt></image></page>\n"
    "<timeline id=\"tl\"><title>Timeline</title>\n"
    "<era id=\"e1\" from=\"1900\" to=\"2000\"><title>Era</title>\n"
    "<event id=\"ev1\" date=\"1948\"><headline>One</headline></event>\n"
    "<event id=\"ev2\" date=\"1998-05\"><headline>Two</headline></event></era></timeline>\n"
    "<quiz id=\"qz\" pass=\"50\" attempts=\"unlimited\"><title>Quiz</title>\n"
    "<truefalse id=\"q1\" rev=\"1\" answer=\"true\"><prompt>P1</prompt><explanation>E</explanation></truefalse>\n"
    "<truefalse id=\"q2\" rev=\"1\" answer=\"false\"><prompt>P2</prompt><explanation>E</explanation></truefalse>\n"
    "</quiz>\n"
    "</module>\n";

/* A 1x1 PNG. */
static const unsigned char PNG[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
    0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

typedef struct fixture {
    char dir[64];
    char module[128];
    hrc_preview *p;
    hrc_app *app;
    hrc_app_config base;
} fixture;

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static void write_module(const fixture *f, const char *p2_title)
{
    char text[4096];
    int n = snprintf(text, sizeof text, MODULE, p2_title);
    write_bytes(f->module, text, (size_t)n);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/hrc-preview-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->module, sizeof f->module, "%s/01-m.xml", f->dir);
    char images[128], png[160];
    snprintf(images, sizeof images, "%s/images", f->dir);
    snprintf(png, sizeof png, "%s/pic.png", images);
    mkdir(images, 0755);
    write_bytes(png, PNG, sizeof PNG);
    write_module(f, "Page two");
    f->base = (hrc_app_config){.lang = "en", .seed = 1};
    if (hrc_preview_new(f->dir, &f->p))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    hrc_app_free(f->app);
    hrc_preview_free(f->p);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc;
}

/* The first load, as the preview window does it. */
static void open_at(fixture *f, const char *start_id)
{
    hrc_course *none = NULL;
    assert_int_equal(hrc_preview_reload(f->p, &none), 0);
    assert_null(none);
    hrc_app_config cfg;
    hrc_preview_app_config(f->p, &f->base, start_id, &cfg);
    f->app = hrc_app_new(&cfg);
    assert_non_null(f->app);
}

static const char *shown(const fixture *f)
{
    return hrc_app_current_id(f->app, NULL, NULL);
}

static int reload(fixture *f)
{
    return hrc_preview_reload_app(f->p, &f->base, NULL, &f->app);
}

/* ---- Fake text measuring: 10 px a byte, lines 1.25 times the size. ---- */

static int fake_width(void *ctx, hrc_font font, const char *text, size_t len)
{
    (void)ctx;
    (void)text;
    return (int)len * font.px / 2;
}

static int fake_line_height(void *ctx, hrc_font font)
{
    (void)ctx;
    return font.px * 5 / 4;
}

static const hrc_text_metrics METRICS = {NULL, fake_width, fake_line_height};

/* Whether the error view drawn now holds a text line containing `s`. */
static bool problems_show(const fixture *f, const char *s)
{
    hrc_draw_list list;
    hrc_draw_list_init(&list);
    hrc_problems_draw(&f->p->diags, f->p->source_lines, &METRICS, 1280, 800, 1.0f, false,
                      &list);
    bool found = false;
    for (size_t i = 0; i < list.count && !found; i++)
        found = list.cmds[i].kind == HRC_DRAW_TEXT && strstr(list.cmds[i].text, s);
    hrc_draw_list_free(&list);
    return found;
}

/* ---- Tests ------------------------------------------------------------ */

static void opens_at_the_first_module_or_the_given_id(void **state)
{
    fixture *f = *state;
    open_at(f, NULL);
    assert_string_equal(shown(f), "m");
    hrc_app_free(f->app);
    hrc_app_config cfg;
    hrc_preview_app_config(f->p, &f->base, "ev2", &cfg);
    assert_true(cfg.preview);
    assert_null(cfg.progress);
    f->app = hrc_app_new(&cfg);
    assert_string_equal(shown(f), "ev2");
}

static void an_edit_reloads_at_the_same_page(void **state)
{
    fixture *f = *state;
    open_at(f, "p2");
    assert_string_equal(shown(f), "p2");
    write_module(f, "Page two, edited");
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "p2");
    const hrc_module *m = NULL;
    hrc_app_current_id(f->app, &m, NULL);
    assert_string_equal(hrc_text_plain(&m->items[1].u.page->title, "en", "en"),
                        "Page two, edited");
}

static void an_edit_keeps_the_event_and_the_question(void **state)
{
    fixture *f = *state;
    open_at(f, "ev2");
    write_module(f, "x");
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "ev2");
    assert_int_equal(hrc_app_goto(f->app, "q2"), 0);
    assert_string_equal(shown(f), "q2");
    write_module(f, "y");
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "q2");
}

static void broken_shows_problems_then_comes_back(void **state)
{
    fixture *f = *state;
    open_at(f, "p2");
    /* A save caught halfway: the file ends inside the second page. */
    char text[4096];
    int n = snprintf(text, sizeof text, MODULE, "Page two");
    write_bytes(f->module, text, (size_t)n / 2);
    assert_int_equal(reload(f), 1);
    assert_true(f->p->broken);
    assert_true(f->p->diags.n_errors >= 1);
    const hrc_diag *d = &f->p->diags.items[0];
    assert_non_null(strstr(d->file, "01-m.xml"));
    assert_true(d->line >= 5);
    assert_non_null(f->p->source_lines[0]); /* the line it points at */
    assert_true(problems_show(f, "This course has problems"));
    assert_true(problems_show(f, "01-m.xml:"));
    assert_true(problems_show(f, d->message));
    assert_true(problems_show(f, "Preview"));
    /* The app waits behind the problems, still on the page. */
    assert_string_equal(shown(f), "p2");

    write_module(f, "Page two, fixed");
    assert_int_equal(reload(f), 0);
    assert_false(f->p->broken);
    assert_int_equal(f->p->diags.count, 0);
    assert_string_equal(shown(f), "p2");
}

static void a_semantic_error_points_at_its_line(void **state)
{
    fixture *f = *state;
    open_at(f, "ev1");
    char text[4096];
    snprintf(text, sizeof text, MODULE, "Page two");
    char *date = strstr(text, "date=\"1998-05\"");
    assert_non_null(date);
    memcpy(date, "date=\"1998-13\"", 14); /* no month 13 */
    write_bytes(f->module, text, strlen(text));
    assert_int_equal(reload(f), 1);
    bool seen = false;
    for (size_t i = 0; i < f->p->diags.count; i++) {
        const hrc_diag *d = &f->p->diags.items[i];
        if (d->line == 10 && f->p->source_lines[i] &&
            strstr(f->p->source_lines[i], "1998-13"))
            seen = true;
    }
    assert_true(seen);
    assert_true(problems_show(f, "1998-13"));
    write_module(f, "Page two");
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "ev1");
}

static void empty_garbage_and_deleted_never_crash(void **state)
{
    fixture *f = *state;
    open_at(f, "q1");
    write_bytes(f->module, "", 0);
    assert_int_equal(reload(f), 1);
    assert_true(problems_show(f, "This course has problems"));
    static const unsigned char garbage[] = {0x00, 0xff, 0xfe, 0x3c, 0x01, 0x80, 0x0a, 0xc3};
    write_bytes(f->module, garbage, sizeof garbage);
    assert_int_equal(reload(f), 1);
    assert_true(problems_show(f, "This course has problems"));
    assert_int_equal(unlink(f->module), 0);
    assert_int_equal(reload(f), 1);
    assert_true(f->p->diags.n_errors >= 1);
    assert_true(problems_show(f, "This course has problems"));
    /* Saved back by renaming a new file over the old name. */
    char tmp[160];
    snprintf(tmp, sizeof tmp, "%s/.01-m.xml.new", f->dir);
    char text[4096];
    int n = snprintf(text, sizeof text, MODULE, "Back");
    write_bytes(tmp, text, (size_t)n);
    assert_int_equal(rename(tmp, f->module), 0);
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "q1");
}

static void a_deleted_image_breaks_and_its_return_fixes(void **state)
{
    fixture *f = *state;
    open_at(f, "p2");
    char png[160];
    snprintf(png, sizeof png, "%s/images/pic.png", f->dir);
    assert_int_equal(unlink(png), 0);
    assert_int_equal(reload(f), 1);
    assert_true(problems_show(f, "pic.png"));
    write_bytes(png, PNG, sizeof PNG);
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "p2");
}

static void a_removed_id_falls_back_to_its_module(void **state)
{
    fixture *f = *state;
    open_at(f, "ev2");
    char text[4096];
    snprintf(text, sizeof text, MODULE, "Page two");
    char *id = strstr(text, "id=\"ev2\"");
    memcpy(id, "id=\"ev9\"", 8); /* the author renamed it */
    write_bytes(f->module, text, strlen(text));
    assert_int_equal(reload(f), 0);
    assert_string_equal(shown(f), "m");
}

static void broken_from_the_start_opens_at_goto_once_fixed(void **state)
{
    fixture *f = *state;
    write_bytes(f->module, "<module", 7);
    hrc_course *none = NULL;
    assert_int_equal(hrc_preview_reload(f->p, &none), 1);
    assert_null(f->p->course);
    hrc_app_config cfg;
    hrc_preview_app_config(f->p, &f->base, "ev2", &cfg);
    f->app = hrc_app_new(&cfg); /* an empty course behind the problems */
    assert_non_null(f->app);
    assert_true(problems_show(f, "This course has problems"));
    write_module(f, "Page two");
    assert_int_equal(hrc_preview_reload_app(f->p, &f->base, "ev2", &f->app), 0);
    assert_string_equal(shown(f), "ev2");
}


/* ---- Warnings ------------------------------------------------------------ */

/* The module with a single-choice question of two choices (a lint
 * warning) in its quiz, `extra` empty lines before the quiz, and with
 * second_warning one more such question. */
static void write_with_warning(const fixture *f, int extra, bool second_warning)
{
    char module[4096], text[8192];
    snprintf(module, sizeof module, MODULE, "Page two");
    char *quiz = strstr(module, "<quiz ");
    char *after_title = strstr(module, "<title>Quiz</title>\n");
    assert_non_null(quiz);
    assert_non_null(after_title);
    after_title += strlen("<title>Quiz</title>\n");
    static const char single[] =
        "<single id=\"%s\" rev=\"1\"><prompt>P</prompt>"
        "<choice id=\"a\" correct=\"yes\"><text>A</text></choice>"
        "<choice id=\"b\"><text>B</text></choice><explanation>E</explanation></single>\n";
    char q1[512], q2[512] = "";
    snprintf(q1, sizeof q1, single, "s1");
    if (second_warning)
        snprintf(q2, sizeof q2, single, "s2");
    snprintf(text, sizeof text, "%.*s%.*s%.*s%s%s%s", (int)(quiz - module), module, extra,
             "\n\n\n\n\n\n\n\n\n\n", (int)(after_title - quiz), quiz, q1, q2, after_title);
    write_bytes(f->module, text, strlen(text));
}

/* A course that loads with warnings shows them first; once dismissed, an
 * edit that leaves them as they were keeps the course shown, a new one
 * shows them again, and none left hides them. */
static void new_warnings_are_shown_until_dismissed(void **state)
{
    fixture *f = *state;
    open_at(f, "p2");
    assert_false(hrc_preview_shows_problems(f->p));
    write_with_warning(f, 0, false);
    assert_int_equal(reload(f), 0);
    assert_false(f->p->broken);
    assert_int_equal(f->p->diags.n_warnings, 1);
    assert_true(hrc_preview_shows_problems(f->p));
    assert_true(problems_show(f, "This course has warnings"));
    assert_true(problems_show(f, "has only 2 choices"));
    assert_true(problems_show(f, "Escape shows the course"));
    assert_false(problems_show(f, "This course has problems"));
    assert_string_equal(shown(f), "p2"); /* the course is there, behind */
    f->p->show_warnings = false;          /* Escape in the window */
    assert_false(hrc_preview_shows_problems(f->p));
    write_with_warning(f, 3, false);      /* the same warning, lines lower */
    assert_int_equal(reload(f), 0);
    assert_false(hrc_preview_shows_problems(f->p));
    write_with_warning(f, 3, true);       /* one more */
    assert_int_equal(reload(f), 0);
    assert_int_equal(f->p->diags.n_warnings, 2);
    assert_true(hrc_preview_shows_problems(f->p));
    write_module(f, "Page two");          /* all fixed */
    assert_int_equal(reload(f), 0);
    assert_false(hrc_preview_shows_problems(f->p));
    assert_string_equal(shown(f), "p2");
}

/* ---- The problems view ------------------------------------------------------ */

typedef struct drawn {
    hrc_draw_list list;
} drawn;

static void draw_problems(drawn *d, const hrc_diags *diags, char *const *lines, int w, int h)
{
    hrc_draw_list_init(&d->list);
    hrc_problems_draw(diags, lines, &METRICS, w, h, 1.0f, false, &d->list);
}

static const hrc_draw_cmd *text_with(const drawn *d, const char *s)
{
    for (size_t i = 0; i < d->list.count; i++)
        if (d->list.cmds[i].kind == HRC_DRAW_TEXT && strstr(d->list.cmds[i].text, s))
            return &d->list.cmds[i];
    return NULL;
}

/* Many problems at many sizes: the "... and N more" line is below every
 * problem drawn, never over one, and inside the window. */
static void the_footer_never_covers_a_problem(void **state)
{
    (void)state;
    hrc_diags diags;
    hrc_diags_init(&diags);
    char *lines[40];
    for (unsigned i = 0; i < 40; i++) {
        hrc_diags_add(&diags, i % 3 ? HRC_WARNING : HRC_ERROR, "/c/01-m.xml", 10 + i * 7, 5,
                      "problem number %u, with a message long enough to wrap on a narrow "
                      "window at a large size",
                      i);
        lines[i] = strdup("    <p>Some source text of the module</p>");
    }
    static const int sizes[][2] = {{1024, 600}, {1280, 800}, {1920, 1080}, {800, 1280},
                                   {640, 480},  {1024, 700}, {1366, 768},  {3840, 2160}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        drawn d;
        draw_problems(&d, &diags, lines, sizes[k][0], sizes[k][1]);
        const hrc_draw_cmd *more = text_with(&d, "more problems");
        if (!more)
            fail_msg("%dx%d: no \"... and N more\" line", sizes[k][0], sizes[k][1]);
        assert_true(more->rect.y + more->rect.h <= sizes[k][1]);
        for (size_t i = 0; i < d.list.count; i++) {
            const hrc_draw_cmd *c = &d.list.cmds[i];
            if (c == more || c->rect.y < more->rect.y - sizes[k][1] / 2 ||
                (c->kind != HRC_DRAW_TEXT && c->kind != HRC_DRAW_RECT))
                continue;
            if (c->kind == HRC_DRAW_RECT && c->rect.w >= sizes[k][0])
                continue; /* the background */
            if (c->rect.y + c->rect.h > more->rect.y)
                fail_msg("%dx%d: \"%s\" (y %d-%d) runs into the footer at y %d", sizes[k][0],
                         sizes[k][1], c->kind == HRC_DRAW_TEXT ? c->text : "(a box)",
                         c->rect.y, c->rect.y + c->rect.h, more->rect.y);
        }
        hrc_draw_list_free(&d.list);
    }
    for (unsigned i = 0; i < 40; i++)
        free(lines[i]);
    hrc_diags_clear(&diags);
}

/* The mark under the source line stands under the character its column
 * counts to (characters, not bytes), however wide the line number; a line
 * too long for the box is cut with an ellipsis at each cut end. */
static void the_mark_is_under_the_column(void **state)
{
    (void)state;
    hrc_diags diags;
    hrc_diags_init(&diags);
    /* Column 11 is the "X": four 2-byte characters come before it. */
    static const char short_line[] = "  <p>\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 X</p>";
    char long_line[401];
    memset(long_line, 'a', 400);
    long_line[400] = '\0';
    memcpy(long_line + 199, "X", 1); /* column 200 */
    hrc_diags_add(&diags, HRC_ERROR, "/c/01-m.xml", 9, 11, "short");
    hrc_diags_add(&diags, HRC_ERROR, "/c/01-m.xml", 123456, 200, "long");
    char *lines[] = {strdup(short_line), strdup(long_line)};
    drawn d;
    draw_problems(&d, &diags, lines, 1280, 800);
    const hrc_color wrong = hrc_palette_get(false)->wrong;
    const hrc_draw_cmd *src[2] = {text_with(&d, "<p>"), text_with(&d, "aaaa")};
    assert_non_null(src[0]);
    assert_non_null(src[1]);
    /* The same gutter for "9" and "123456": both lines start at one x. */
    assert_int_equal(src[0]->rect.x, src[1]->rect.x - (int)METRICS.width(NULL, src[1]->font,
                                                                           "\xe2\x80\xa6", 3));
    int marks = 0;
    for (size_t i = 0; i < d.list.count; i++) {
        const hrc_draw_cmd *c = &d.list.cmds[i];
        if (c->kind != HRC_DRAW_RECT || memcmp(&c->color, &wrong, sizeof wrong) != 0 ||
            c->rect.h > 10)
            continue;
        const hrc_draw_cmd *line = marks == 0 ? src[0] : src[1];
        const char *x = strchr(line->text, 'X');
        assert_non_null(x);
        int want = line->rect.x + METRICS.width(NULL, line->font, line->text,
                                                (size_t)(x - line->text));
        assert_int_equal(c->rect.x, want);
        assert_true(c->rect.y >= line->rect.y + line->rect.h);
        marks++;
    }
    assert_int_equal(marks, 2);
    /* The long line: cut at both ends, each cut shown by an ellipsis. */
    int dots = 0;
    for (size_t i = 0; i < d.list.count; i++)
        dots += d.list.cmds[i].kind == HRC_DRAW_TEXT &&
                strcmp(d.list.cmds[i].text, "\xe2\x80\xa6") == 0;
    assert_int_equal(dots, 2);
    assert_true(strlen(src[1]->text) < 400);
    hrc_draw_list_free(&d.list);
    free(lines[0]);
    free(lines[1]);
    hrc_diags_clear(&diags);
}

static void add_to_list(void *ctx, const char *dir)
{
    char *list = ctx;
    strcat(list, dir);
    strcat(list, "\n");
}

static void image_folders_are_watched(void **state)
{
    fixture *f = *state;
    open_at(f, NULL);
    char list[4096] = "", want[160];
    hrc_preview_each_dir(f->p, add_to_list, list);
    snprintf(want, sizeof want, "%s\n", f->dir);
    assert_non_null(strstr(list, want));
    snprintf(want, sizeof want, "%s/images\n", f->dir);
    assert_non_null(strstr(list, want));
}

static void source_lines_are_printable(void **state)
{
    fixture *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/bytes.txt", f->dir);
    static const char bytes[] = "first\n\tx\x01y \xc3\xa9 \xff\xfe z\r\nlast";
    write_bytes(path, bytes, sizeof bytes - 1);
    char *line = hrc_source_line(path, 2, 200);
    assert_non_null(line);
    assert_string_equal(line, " x?y \xc3\xa9 ?? z");
    free(line);
    line = hrc_source_line(path, 3, 200);
    assert_string_equal(line, "last");
    free(line);
    line = hrc_source_line(path, 2, 5); /* cut, whole characters only */
    assert_string_equal(line, " x?y ");
    free(line);
    assert_null(hrc_source_line(path, 9, 200));
    assert_null(hrc_source_line("/nonexistent/hrc", 1, 200));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(opens_at_the_first_module_or_the_given_id),
        T(an_edit_reloads_at_the_same_page),
        T(an_edit_keeps_the_event_and_the_question),
        T(broken_shows_problems_then_comes_back),
        T(new_warnings_are_shown_until_dismissed),
        T(the_footer_never_covers_a_problem),
        T(the_mark_is_under_the_column),
        T(a_semantic_error_points_at_its_line),
        T(empty_garbage_and_deleted_never_crash),
        T(a_deleted_image_breaks_and_its_return_fixes),
        T(a_removed_id_falls_back_to_its_module),
        T(broken_from_the_start_opens_at_goto_once_fixed),
        T(image_folders_are_watched),
        T(source_lines_are_printable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
