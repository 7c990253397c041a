/* The timeline of the bundled course as a learner sees it: one marker per
 * event, none hidden under another, each wide enough to touch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/loader.h"
#include "screens/app.h"
#include "screens/goto.h"
#include "screens_harness.h"

#include <string.h>

static size_t count_events(const hrc_course *course, const char *timeline_id)
{
    for (size_t i = 0; i < course->n_modules; i++) {
        const hrc_module *m = course->modules[i];
        for (size_t k = 0; k < m->n_items; k++) {
            if (m->items[k].kind != HRC_ITEM_TIMELINE ||
                strcmp(m->items[k].u.timeline->id, timeline_id) != 0)
                continue;
            const hrc_timeline *t = m->items[k].u.timeline;
            size_t n = 0;
            for (size_t e = 0; e < t->n_eras; e++)
                n += t->eras[e].n_events;
            return n;
        }
    }
    return 0;
}

static bool overlap(hrc_rect a, hrc_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void every_event_has_its_own_marker(void **state)
{
    hrc_course *course = NULL;
    hrc_diags d;
    hrc_diags_init(&d);
    assert_int_equal(hrc_course_load(HRC_SOURCE_DIR "/courses/human-rights-cities", &course, &d),
                     0);
    hrc_diags_clear(&d);
    size_t n_events = count_events(course, "m2-timeline");
    assert_true(n_events >= 12);

    hrc_app *app = hrc_app_new(&(hrc_app_config){.course = course, .lang = "en", .seed = 1});
    assert_non_null(app);
    assert_int_equal(hrc_app_goto(app, "m2-timeline"), 0);
    hrc_draw_list list = {0};
    hrc_app_draw(app, &fake_metrics, 1920, 1080, 1.0f, &list);

    /* Markers are the targets labelled "date: headline" above the text. */
    hrc_rect markers[64];
    size_t n = 0;
    for (size_t i = 0; i < list.n_targets && n < 64; i++)
        if (list.targets[i].label && strstr(list.targets[i].label, ": ") &&
            list.targets[i].rect.y < 1080 / 4)
            markers[n++] = list.targets[i].rect;
    assert_int_equal(n, n_events);
    for (size_t i = 0; i < n; i++) {
        assert_true(markers[i].w >= 24 && markers[i].h >= 44);
        for (size_t k = i + 1; k < n; k++)
            if (overlap(markers[i], markers[k]))
                fail_msg("markers %zu and %zu overlap at x=%d and x=%d", i, k, markers[i].x,
                         markers[k].x);
    }
    hrc_draw_list_free(&list);
    hrc_app_free(app);
    hrc_course_free(course);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_has_its_own_marker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
