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
#include "io/lrs_config.h"
#include "io/lrs_worker.h"
#include "io/progress.h"
#include "sdl/assets.h"
#include "sdl/front.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* The background sync, for the facilitator screen: the worker's state, or
 * why there is none although a configuration was found. */
typedef struct sync_view {
    hrc_lrs_worker *worker;
    bool failed;
    char why[256];
} sync_view;

static bool sync_status(void *user, hrc_lrs_status *out)
{
    const sync_view *v = user;
    if (v->worker)
        return hrc_lrs_worker_status(v->worker, out);
    memset(out, 0, sizeof *out);
    out->pending = -1;
    out->last_error.result = HRC_LRS_ERR_SETUP;
    snprintf(out->last_error.detail, sizeof out->last_error.detail, "%s", v->why);
    return v->failed;
}

/* Starts the background sync when an LRS is configured and the store
 * records. Problems go to the log and to the facilitator screen. */
static void start_sync(const hrc_cli *cli, hrc_progress *progress, const hrc_course *course,
                       sync_view *v)
{
    if (!hrc_progress_is_recording(progress))
        return;
    hrc_lrs_config cfg;
    bool configured = false;
    if (!hrc_cli_lrs_config(cli, &cfg, &configured)) {
        v->failed = true;
        snprintf(v->why, sizeof v->why, "%s", _("the configuration is refused (see the log)"));
        return;
    }
    if (!configured)
        return;
    if (hrc_lrs_global_init() == 0)
        v->worker = hrc_lrs_worker_start(cli->data_dir, &cfg, course);
    hrc_lrs_config_clear(&cfg);
    if (!v->worker) {
        v->failed = true;
        snprintf(v->why, sizeof v->why, "%s", _("the background sync could not start"));
        fprintf(stderr, "%s: %s\n", cli->argv0, v->why);
        return;
    }
    /* A finished (or left) module asks for a sync at once. */
    hrc_progress_on_session_end(progress, hrc_lrs_worker_poke_cb, v->worker);
}

/*
 * --render --kiosk: a throwaway store in a new private folder (dir), so
 * that the tour shows a kiosk's first start, signing in with PINs and the
 * facilitator's screens. Its PINs are hashed at the lowest cost: it is
 * removed once the pictures are made. NULL when it cannot be made.
 */
static hrc_progress *scratch_store(char *dir, size_t size, const hrc_course *course)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, size, "%s/hrc-render-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        dir[0] = '\0';
        return NULL;
    }
    /* A class for the trainer's screens (app/render_class.c). */
    if (hrc_render_class_seed(dir, course) != 0)
        fprintf(stderr, "render: the class for the trainer's screens could not be made\n");
    hrc_progress *s = NULL;
    if (hrc_progress_open(dir, HRC_PROGRESS_OPEN_FAST_PIN_HASH, &s, NULL) != HRC_PROGRESS_OK)
        return NULL;
    return s;
}

/* Removes the scratch store's folder and what the store put in it. */
static void remove_scratch(const char *dir)
{
    if (!dir[0])
        return;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
            unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/*
 * --present: the store read-only, unlocked for the facilitator's figures
 * (whoever runs the command owns the machine: no PIN, as for --report),
 * and the group shown: --group NAME, else the group open for sign-ups,
 * else everyone. Returns 0, or -1 after saying why.
 */
static int present_store(const hrc_cli *cli, hrc_progress **out, int64_t *group)
{
    *out = hrc_cli_open_store(cli, STORE_READ);
    if (!*out)
        return -1;
    if (hrc_cli_group(cli, *out, group) != 0) {
        hrc_progress_close(*out);
        *out = NULL;
        return -1;
    }
    int64_t open = 0;
    if (!cli->group && hrc_progress_open_group(*out, &open) == HRC_PROGRESS_OK && open > 0)
        *group = open;
    return 0;
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
    char scratch[4096] = "";
    int64_t group = HRC_GROUP_ALL;
    if (cli->present && present_store(cli, &progress, &group)) {
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    if (rendering && cli->kiosk) /* the kiosk's own screens too */
        progress = scratch_store(scratch, sizeof scratch, course);
    /* Store problems go to the log and on screen (screens/app.h): playing
     * without saving is the facilitator's choice there, kiosk or not. */
    hrc_progress_open_info info = {0};
    bool store_unavailable = false;
    if (rendering && progress) { /* its folder is "this computer" for exports and lists */
        int n = snprintf(info.path, sizeof info.path, "%s/progress.db", scratch);
        if (n < 0 || (size_t)n >= sizeof info.path)
            info.path[0] = '\0';
    }
    if (!rendering && !cli->present) {
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
    /* A kiosk never runs without a facilitator PIN: its first start asks
     * for one on screen (screens/setup.c), which needs a store it can
     * write. A store that cannot be opened at all shows its own screen
     * instead (no PIN, nothing recorded, nothing to protect). */
    bool has_pin = true;
    if (cli->kiosk && progress && !hrc_progress_is_recording(progress) &&
        hrc_progress_has_facilitator_pin(progress, &has_pin) == HRC_PROGRESS_OK && !has_pin) {
        fprintf(stderr, _("%s: this kiosk has no facilitator PIN, and its progress store "
                          "cannot be written to choose one on screen. Set it first: %s "
                          "--set-facilitator-pin%s%s\n"),
                cli->argv0, cli->argv0, cli->data_dir ? " --data-dir " : "",
                cli->data_dir ? cli->data_dir : "");
        hrc_progress_close(progress);
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    bool exposed = !rendering && (info.status & (HRC_PROGRESS_TIGHTENED | HRC_PROGRESS_EXPOSED));

    /* The trainer's PDFs from the facilitator screen use the player's fonts. */
    char fonts[4096 + 8] = "", assets[4096], why[256];
    if (hrc_assets_find(assets, sizeof assets, why, sizeof why) == 0)
        snprintf(fonts, sizeof fonts, "%s/fonts", assets);

    sync_view sync = {0};
    if (!rendering && progress && !cli->present)
        start_sync(cli, progress, course, &sync);

    hrc_sdl_options opts = {
        .app = {
            .course = course,
            .lang = cli->lang ? cli->lang : hrc_i18n_language(),
            .kiosk = cli->kiosk,
            /* A tour of pictures never times out. */
            .idle_timeout_s = rendering ? 86400 : cli->idle_timeout_s,
            .progress = progress,
            /* Shuffles follow the learner, the quiz and the attempt
             * (screens/session.c), so that a resumed attempt, after a
             * restart too, shows its questions in the same order. */
            .seed = rendering ? 1 : 0,
            .start_id = cli->goto_id,
            .store_moved_aside = info.status & HRC_PROGRESS_RECOVERED ? info.moved_to : NULL,
            .store_unavailable = store_unavailable,
            .store_error = info.message,
            .store_path = progress && info.path[0] ? info.path : NULL,
            .show_learners = cli->show_learners,
            .store_exposed = exposed ? info.exposed : NULL,
            .store_exposed_mode = info.exposed_mode,
            .store_exposed_fixed = (info.status & HRC_PROGRESS_TIGHTENED) != 0,
            .host = hrc_host_system(),
            .sync_status = sync.worker || sync.failed ? sync_status : NULL,
            .sync_status_user = &sync,
            .speech = cli->speech,
            .fonts_dir = fonts[0] ? fonts : NULL,
            .present = cli->present,
            .present_group = group,
        },
        .display = cli->display,
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
    hrc_progress_on_session_end(progress, NULL, NULL);
    hrc_lrs_worker_stop(sync.worker); /* cancels a sync under way */
    hrc_progress_close(progress);
    remove_scratch(scratch);
    hrc_course_free(course);
    return rc ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}
