/*
 * cmd_play.c: playing a course (the default command) and --render. Loads
 * the course, opens the progress store, and hands over to the SDL front
 * end.
 */
#include "app/cli.h"

#include "core/diag.h"
#include "core/i18n.h"
#include "core/locate.h"
#include "io/host.h"
#include "io/loader.h"
#include "io/progress.h"
#include "sdl/front.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void print_diags(const hrc_diags *diags)
{
    for (size_t i = 0; i < diags->count; i++)
        hrc_diag_format(&diags->items[i], stderr);
    if (diags->truncated)
        fprintf(stderr, "%s\n", _("(more problems were not listed)"));
}


static bool env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

int hrc_cmd_play(const hrc_cli *cli)
{
    const char *path = cli->paths[0];
    hrc_diags diags;
    hrc_diags_init(&diags);
    hrc_course *course = NULL;
    int loaded = hrc_course_open(path, &course, &diags);
    hrc_diags_sort(&diags);
    print_diags(&diags);
    if (loaded || !course || course->n_modules == 0) {
        fprintf(stderr, _("%s: cannot play %s: %s\n"), cli->argv0, path,
                diags.n_errors ? _("the course has errors (listed above)")
                               : _("it holds no modules"));
        hrc_diags_clear(&diags);
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    hrc_diags_clear(&diags);
    hrc_found found;
    if (cli->goto_id && !hrc_course_find_id(course, cli->goto_id, &found)) {
        fprintf(stderr, _("%s: --goto %s: no module, page, event, case study, quiz or "
                          "question has this id\n"), cli->argv0, cli->goto_id);
        hrc_course_free(course);
        return HRC_EXIT_USAGE;
    }

    bool rendering = cli->command == HRC_CMD_RENDER;
    hrc_progress *progress = NULL;
    /* Store problems go to the log and on screen (screens/app.h): playing
     * without saving is the facilitator's choice there, kiosk or not. */
    hrc_progress_open_info info = {0};
    bool store_unavailable = false;
    if (!rendering) {
        if (hrc_progress_open(cli->data_dir, HRC_PROGRESS_OPEN_DEFAULT | hrc_cli_store_flags(),
                              &progress, &info) != HRC_PROGRESS_OK) {
            fprintf(stderr, _("%s: cannot open the progress store: %s\n"), cli->argv0,
                    info.message);
            store_unavailable = true;
        } else if (info.status & HRC_PROGRESS_RECOVERED) {
            fprintf(stderr, "%s: %s\n", cli->argv0, info.message);
        }
        /* Exports from the facilitator screen describe typed answers. */
        hrc_progress_set_course(progress, course);
        hrc_cli_store_warning(cli, &info);
    }

    hrc_sdl_options opts = {
        .app = {
            .course = course,
            .lang = cli->lang ? cli->lang : hrc_i18n_language(),
            .kiosk = cli->kiosk,
            .idle_timeout_s = cli->idle_timeout_s,
            .progress = progress,
            .seed = rendering ? 1 : (uint64_t)time(NULL),
            .start_id = cli->goto_id,
            .store_moved_aside = info.status & HRC_PROGRESS_RECOVERED ? info.moved_to : NULL,
            .store_unavailable = store_unavailable,
            .store_error = info.message,
            .store_path = progress ? info.path : NULL,
            .host = hrc_host_system(),
        },
        .width = cli->width,
        .height = cli->height,
        .exit_after_first_frame = cli->exit_after_first_frame,
        .trace_screens = env_flag("HRC_TRACE_SCREENS"),
        .render_dir = cli->render_dir,
        .review = cli->review,
    };
    char err[512] = "";
    int rc = rendering ? hrc_sdl_render(&opts, err, sizeof err)
                       : hrc_sdl_play(&opts, err, sizeof err);
    if (rc)
        fprintf(stderr, "%s: %s\n", cli->argv0, err);
    hrc_progress_close(progress);
    hrc_course_free(course);
    return rc ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}
