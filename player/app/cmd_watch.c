/*
 * cmd_watch.c: --watch COURSE, the author preview. Loads the course into
 * a preview session (io/preview.h) and opens the preview window
 * (sdl/watch.h). No progress store is opened: a preview never records.
 */
#include "app/cli.h"

#include "core/i18n.h"
#include "core/locate.h"
#include "io/host.h"
#include "io/preview.h"
#include "sdl/watch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && *v && strcmp(v, "0") != 0;
}

int hrc_cmd_watch(const hrc_cli *cli)
{
    hrc_preview *preview;
    if (hrc_preview_new(cli->paths[0], &preview)) {
        fprintf(stderr, _("%s: out of memory\n"), cli->argv0);
        return HRC_EXIT_FAILURE;
    }
    hrc_course *none;
    hrc_preview_reload(preview, &none); /* nothing to retire the first time */
    for (size_t i = 0; i < preview->diags.count; i++)
        hrc_diag_format(&preview->diags.items[i], stderr);
    hrc_found found;
    if (cli->goto_id && preview->course &&
        !hrc_course_find_id(preview->course, cli->goto_id, &found))
        fprintf(stderr, _("%s: --goto %s: no module, page, event, case study, quiz or "
                          "question has this id; opening the first module\n"),
                cli->argv0, cli->goto_id);
    hrc_sdl_options opts = {
        .app = {
            .lang = cli->lang ? cli->lang : hrc_i18n_language(),
            .idle_timeout_s = cli->idle_timeout_s,
            .preview = true,
            .progress = NULL, /* never recorded */
            .seed = (uint64_t)time(NULL),
            .host = hrc_host_system(),
            .speech = cli->speech,
        },
        .width = cli->width,
        .height = cli->height,
        .exit_after_first_frame = cli->exit_after_first_frame,
        .trace_screens = env_flag("HRC_TRACE_SCREENS"),
    };
    char err[512] = "";
    int rc = hrc_sdl_watch(&opts, preview, cli->goto_id, stderr, err, sizeof err);
    if (rc)
        fprintf(stderr, "%s: %s\n", cli->argv0, err);
    hrc_preview_free(preview);
    return rc ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}
