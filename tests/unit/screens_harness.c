#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_harness.h"

#include "io/host.h"
#include "io/loader.h"
#include "io/locale.h"
#include "screens/ui.h" /* dropped_runs */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

/* ---- The fake machine ---------------------------------------------------- */

enum { FAKE_MAX = 16 };
static char fake_drives[FAKE_MAX][HRC_EXPORT_PATH_MAX];
static size_t n_fake_drives;
static char fake_folders[FAKE_MAX][HRC_EXPORT_PATH_MAX];
static size_t n_fake_folders;
static char fake_files[FAKE_MAX][HRC_EXPORT_PATH_MAX];
static int64_t fake_file_sizes[FAKE_MAX];
static size_t n_fake_files;


static void add_path(char list[][HRC_EXPORT_PATH_MAX], size_t *n, const char *path)
{
    assert_true(*n < FAKE_MAX);
    snprintf(list[(*n)++], HRC_EXPORT_PATH_MAX, "%s", path);
}

void harness_plug(const char *path)
{
    add_path(fake_drives, &n_fake_drives, path);
}

void harness_unplug(const char *path)
{
    for (size_t i = 0; i < n_fake_drives; i++)
        if (strcmp(fake_drives[i], path) == 0) {
            memmove(fake_drives[i], fake_drives[i + 1],
                    (n_fake_drives - i - 1) * sizeof fake_drives[0]);
            n_fake_drives--;
            return;
        }
}

void harness_add_folder(const char *path)
{
    add_path(fake_folders, &n_fake_folders, path);
}

void harness_forget_folders(void)
{
    n_fake_drives = n_fake_folders = n_fake_files = 0;
}

static const char *last_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

/* The drives plugged in, then the fallback, as the real listing orders them. */
static size_t fake_export_folders(void *ctx, const hrc_export_search *search,
                                  hrc_export_folder *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < n_fake_drives && n < max; i++, n++) {
        snprintf(out[n].path, sizeof out[n].path, "%s", fake_drives[i]);
        snprintf(out[n].name, sizeof out[n].name, "%s", last_name(fake_drives[i]));
        out[n].removable = true;
    }
    if (search->fallback && n < max) {
        snprintf(out[n].path, sizeof out[n].path, "%s", search->fallback);
        snprintf(out[n].name, sizeof out[n].name, "%s", last_name(search->fallback));
        out[n++].removable = false;
    }
    return n;
}

static bool fake_is_folder(void *ctx, const char *path)
{
    for (size_t i = 0; i < n_fake_folders; i++)
        if (strcmp(fake_folders[i], path) == 0)
            return true;
    for (size_t i = 0; i < n_fake_drives; i++)
        if (strcmp(fake_drives[i], path) == 0)
            return true;
    return false;
}

void harness_add_file(const char *path, int64_t size)
{
    fake_file_sizes[n_fake_files] = size;
    add_path(fake_files, &n_fake_files, path);
}

void harness_forget_files(void)
{
    n_fake_files = 0;
}

static bool ends_with_case(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    if (n <= k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char a = s[n - k + i], b = suffix[i];
        if ((a | 0x20) != (b | 0x20))
            return false;
    }
    return true;
}

/* The files the test put in dir, in the order it put them. */
static size_t fake_list_files(void *ctx, const char *dir, const char *suffix, hrc_host_file *out,
                              size_t max)
{
    size_t n = 0, len = strlen(dir);
    for (size_t i = 0; i < n_fake_files && n < max; i++) {
        const char *f = fake_files[i];
        if (strncmp(f, dir, len) != 0 || f[len] != '/' || strchr(f + len + 1, '/') ||
            !ends_with_case(f, suffix))
            continue;
        snprintf(out[n].path, sizeof out[n].path, "%s", f);
        snprintf(out[n].name, sizeof out[n].name, "%s", f + len + 1);
        out[n].size = fake_file_sizes[i];
        out[n].modified_ms = HARNESS_WALL_MS;
        n++;
    }
    return n;
}

/* The wall clock stands still on 12 March 2026, 10:00 UTC; the time zone
 * is UTC. */
static int64_t fake_now_ms(void *ctx)
{
    return HARNESS_WALL_MS;
}

static bool fake_local_time(void *ctx, int64_t ms, struct tm *out)
{
    time_t t = (time_t)(ms / 1000);
    return gmtime_r(&t, out) != NULL;
}

static int fake_set_language(void *ctx, const char *lang)
{
    return hrc_locale_set_language(lang);
}

const hrc_host *harness_host(void)
{
    static const hrc_host host = {.set_language = fake_set_language,
                                  .export_folders = fake_export_folders,
                                  .is_folder = fake_is_folder,
                                  .list_files = fake_list_files,
                                  .now_ms = fake_now_ms,
                                  .local_time = fake_local_time};
    return &host;
}

/* Every byte is half the font size wide; lines are 1.25 times it. */
static int fake_width(void *ctx, hrc_font f, const char *s, size_t len)
{
    return (int)(len * (size_t)f.px / 2);
}
static int fake_line(void *ctx, hrc_font f)
{
    return f.px * 5 / 4;
}
const hrc_text_metrics fake_metrics = {.width = fake_width, .line_height = fake_line};

void harness_start(harness *t, const hrc_app_config *extra)
{
    harness_start_course(t, HRC_TEST_DATA "/screens/course", extra);
}

void harness_start_course(harness *t, const char *dir, const hrc_app_config *extra)
{
    memset(t, 0, sizeof *t);
    hrc_diags d;
    hrc_diags_init(&d);
    int rc = hrc_course_load(dir, &t->course, &d);
    for (size_t i = 0; i < d.count; i++)
        hrc_diag_format(&d.items[i], stderr);
    hrc_diags_clear(&d);
    assert_int_equal(rc, 0);
    assert_non_null(t->course);
    hrc_app_config cfg = extra ? *extra : (hrc_app_config){0};
    cfg.course = t->course;
    if (!cfg.host)
        cfg.host = harness_host();
    if (!cfg.seed)
        cfg.seed = 1234;
    t->app = hrc_app_new(&cfg);
    assert_non_null(t->app);
    hrc_draw_list_init(&t->list);
    t->w = 1920;
    t->h = 1080;
    t->dpi = 1.0f;
    t->now = 1000;
    harness_draw(t);
}

void harness_stop(harness *t)
{
    hrc_app_free(t->app);
    hrc_draw_list_free(&t->list);
    hrc_course_free(t->course);
}

void harness_draw(harness *t)
{
    hrc_app_draw(t->app, &fake_metrics, t->w, t->h, t->dpi, &t->list);
    assert_false(t->list.out_of_memory);
    char why[512];
    if (t->check_geometry && !harness_geometry_ok(t, why, sizeof why))
        fail_msg("%dx%d: %s", t->w, t->h, why);
    if (t->check_geometry && t->app->dropped_runs)
        fail_msg("%dx%d: %d pieces of text left out for lack of room", t->w, t->h,
                 t->app->dropped_runs);
}

unsigned harness_input(harness *t, hrc_input in)
{
    t->now += 50;
    in.now_ms = t->now;
    unsigned eff = hrc_app_handle_input(t->app, &in);
    if (eff & HRC_APP_REDRAW)
        harness_draw(t);
    /* The SDL loop draws, then sleeps until the next timer: one due now
     * gets its TICK at once (a slow check shown first). */
    for (int i = 0; i < 4 && !t->manual_ticks && !(eff & HRC_APP_QUIT) &&
                    hrc_app_next_timeout_ms(t->app, t->now) == 0;
         i++) {
        hrc_input tick = {.kind = HRC_IN_TICK, .now_ms = t->now};
        unsigned more = hrc_app_handle_input(t->app, &tick);
        if (more & HRC_APP_REDRAW)
            harness_draw(t);
        eff |= more;
    }
    t->last_effect = eff;
    return eff;
}

unsigned harness_wait(harness *t, uint64_t ms)
{
    t->now += ms >= 50 ? ms - 50 : 0; /* harness_input adds 50 */
    return harness_key(t, HRC_IN_TICK);
}

unsigned harness_key(harness *t, hrc_input_kind kind)
{
    return harness_input(t, (hrc_input){.kind = kind});
}

int harness_find_target(const harness *t, const char *label)
{
    for (size_t i = 0; i < t->list.n_targets; i++)
        if (strstr(t->list.targets[i].label, label))
            return (int)i;
    return -1;
}

int harness_find_exact(const harness *t, const char *label)
{
    for (size_t i = 0; i < t->list.n_targets; i++)
        if (strcmp(t->list.targets[i].label, label) == 0)
            return (int)i;
    return -1;
}

void harness_tap_exact(harness *t, const char *label)
{
    int i = harness_find_exact(t, label);
    if (i < 0)
        fail_msg("no target labelled exactly \"%s\"", label);
    hrc_rect r = t->list.targets[i].rect;
    int x = r.x + r.w / 2, y = r.y + r.h / 2;
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y, .touch = true});
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = x, .y = y, .touch = true});
}

bool harness_tab_to(harness *t, const char *label)
{
    size_t limit = t->list.n_targets + 2;
    for (size_t i = 0; i < limit * 2; i++) {
        harness_key(t, HRC_IN_NEXT);
        for (size_t k = 0; k < t->list.n_targets; k++)
            if (t->list.targets[k].focused)
                if (strstr(t->list.targets[k].label, label))
                    return true;
    }
    return false;
}

unsigned harness_page_down(harness *t)
{
    /* The wheel scrolls and never turns the page (Page Down at the end of
     * a page goes on to the next part). */
    int line = t->app->line_px > 0 ? t->app->line_px : 20;
    int notches = t->app->view.h * 9 / 10 / (3 * line);
    /* Over the bottom of the scroll view, away from any fixed canvas. */
    hrc_rect v = t->app->view;
    return harness_input(t, (hrc_input){.kind = HRC_IN_WHEEL, .dy = -(notches > 1 ? notches : 1),
                                        .x = v.x + v.w / 2, .y = v.y + v.h - 2});
}

unsigned harness_activate_label(harness *t, const char *label)
{
    if (!harness_tab_to(t, label))
        fail_msg("no target labelled \"%s\" reachable with Tab", label);
    return harness_key(t, HRC_IN_ACTIVATE);
}

unsigned harness_click(harness *t, const char *label)
{
    int i = harness_find_target(t, label);
    if (i < 0)
        fail_msg("no target labelled \"%s\" on screen", label);
    hrc_rect r = t->list.targets[i].rect;
    int x = r.x + r.w / 2, y = r.y + r.h / 2;
    harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_DOWN, .x = x, .y = y});
    return harness_input(t, (hrc_input){.kind = HRC_IN_POINTER_UP, .x = x, .y = y});
}

bool harness_has_text(const harness *t, const char *text)
{
    for (size_t i = 0; i < t->list.count; i++)
        if (t->list.cmds[i].kind == HRC_DRAW_TEXT && strstr(t->list.cmds[i].text, text))
            return true;
    return false;
}

bool harness_shows(const harness *t, const char *text)
{
    static char all[262144];
    size_t n = 0;
    for (size_t i = 0; i < t->list.count && n + 2 < sizeof all; i++) {
        const hrc_draw_cmd *c = &t->list.cmds[i];
        if (c->kind != HRC_DRAW_TEXT)
            continue;
        for (const char *p = c->text; *p && n + 2 < sizeof all; p++)
            if (*p != ' ' || (n && all[n - 1] != ' '))
                all[n++] = *p;
        if (n && all[n - 1] != ' ')
            all[n++] = ' ';
    }
    all[n] = '\0';
    return strstr(all, text) != NULL;
}

const char *harness_focused(const harness *t)
{
    for (size_t i = 0; i < t->list.n_targets; i++)
        if (t->list.targets[i].focused)
            return t->list.targets[i].label;
    return "";
}

void harness_type(harness *t, const char *s)
{
    for (size_t at = 0; s[at];) {
        hrc_input in = {.kind = HRC_IN_TEXT};
        size_t n = 0;
        while (s[at + n] && n + 4 < sizeof in.text) {
            size_t k = 1;
            while ((s[at + n + k] & 0xC0) == 0x80)
                k++;
            n += k;
        }
        memcpy(in.text, s + at, n);
        harness_input(t, in);
        at += n;
    }
}

char harness_store_dir[64];

int harness_store_dir_make(void **state)
{
    (void)state;
    snprintf(harness_store_dir, sizeof harness_store_dir, "/tmp/hrc-screens-XXXXXX");
    return mkdtemp(harness_store_dir) ? 0 : -1;
}

int harness_store_clear(void **state)
{
    (void)state;
    static const char *const files[] = {"progress.db", "progress.db-wal", "progress.db-shm"};
    for (size_t i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", harness_store_dir, files[i]);
        unlink(path);
    }
    return 0;
}

int harness_store_dir_remove(void **state)
{
    harness_store_clear(state);
    return rmdir(harness_store_dir);
}

bool harness_geometry_ok(const harness *t, char *why, size_t size)
{
    hrc_rect screen = {0, 0, t->w, t->h};
    for (size_t i = 0; i < t->list.count; i++) {
        const hrc_draw_cmd *c = &t->list.cmds[i];
        if (c->kind != HRC_DRAW_TEXT)
            continue;
        if (!hrc_rect_contains(c->bounds, c->rect) || !hrc_rect_contains(screen, c->rect)) {
            snprintf(why, size, "\"%s\" at %d,%d %dx%d outside bounds %d,%d %dx%d or screen",
                     c->text, c->rect.x, c->rect.y, c->rect.w, c->rect.h, c->bounds.x,
                     c->bounds.y, c->bounds.w, c->bounds.h);
            return false;
        }
    }
    return true;
}

void harness_check_targets(const harness *t, int min)
{
    for (size_t i = 0; i < t->list.n_targets; i++) {
        hrc_rect r = t->list.targets[i].rect;
        bool cut = false;
        for (size_t k = 0; k < t->list.count; k++) {
            const hrc_draw_cmd *c = &t->list.cmds[k];
            if (c->kind != HRC_DRAW_CLIP || c->rect.w == 0)
                continue;
            hrc_rect v = c->rect;
            cut |= r.y == v.y || r.y + r.h == v.y + v.h || r.x == v.x || r.x + r.w == v.x + v.w;
        }
        if (!cut && (r.w < min || r.h < min))
            fail_msg("target \"%s\" is %dx%d, under %d px", t->list.targets[i].label, r.w, r.h,
                     min);
    }
}

void harness_check_main_action(const harness *t)
{
    int main = t->app->main_target;
    if (main < 0 || main >= t->app->n_targets)
        return;
    hrc_rect r = t->app->targets[main].rect;
    hrc_rect screen = {0, 0, t->w, t->h};
    if (r.w <= 0 || !hrc_rect_contains(screen, r))
        fail_msg("%dx%d: the main action is not wholly on screen (%d,%d %dx%d)", t->w, t->h,
                 r.x, r.y, r.w, r.h);
}

void harness_check_all_sizes(harness *t, int pages, bool targets_1080p)
{
    static const struct {
        int w, h;
    } sizes[] = {{1024, 600}, {1280, 800}, {1920, 1080}, {3840, 2160}, {1080, 1920}};
    bool was = t->check_geometry;
    t->check_geometry = true;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        t->w = sizes[i].w;
        t->h = sizes[i].h;
        harness_key(t, HRC_IN_RESIZE);
        harness_draw(t);
        /* 44 px at 1080p, and as much at the physical size on the others
         * (the interface scales with the short side). */
        if (targets_1080p) {
            int side = t->w < t->h ? t->w : t->h;
            double scale = side / 1080.0 < 0.75 ? 0.75 : side / 1080.0;
            harness_check_targets(t, (int)(44 * scale));
        }
        harness_check_main_action(t);
        /* Scroll to the end and back: every part of the screen is checked.
         * With no page, the screen is left as it is (presenter mode's Home
         * is its first question, not the top of the page). */
        for (int k = 0; k < pages; k++)
            harness_page_down(t);
        if (pages > 0)
            harness_key(t, HRC_IN_HOME);
    }
    t->w = 1920;
    t->h = 1080;
    harness_draw(t);
    t->check_geometry = was;
}
