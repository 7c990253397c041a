/*
 * cmd_progress.c: --export, --import and --set-facilitator-pin. Whoever
 * runs these owns the machine, so the store opens unlocked for facilitator
 * functions (HRC_PROGRESS_OPEN_FACILITATOR); the kiosk screens ask for the
 * facilitator PIN instead.
 */
#include "app/cli.h"
#include "core/i18n.h"
#include "io/progress.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

/* Opens the store for a command, printing why when it cannot. */
static hrc_progress *open_store(const hrc_cli *cli, bool must_exist)
{
    char dir[HRC_PROGRESS_PATH_MAX];
    if (hrc_progress_default_dir(cli->data_dir, dir, sizeof dir) != HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: no folder for progress: use --data-dir\n"), cli->argv0);
        return NULL;
    }
    if (must_exist) {
        char path[HRC_PROGRESS_PATH_MAX + 16];
        snprintf(path, sizeof path, "%s/progress.db", dir);
        if (access(path, F_OK) != 0) {
            fprintf(stderr, _("%s: no progress has been recorded in %s\n"), cli->argv0, dir);
            return NULL;
        }
    }
    hrc_progress *s = NULL;
    hrc_progress_open_info info;
    int r = hrc_progress_open(cli->data_dir, HRC_PROGRESS_OPEN_FACILITATOR, &s, &info);
    if (r == HRC_PROGRESS_ERR_READONLY && must_exist) /* read-only media: reading is enough */
        r = hrc_progress_open(cli->data_dir,
                              HRC_PROGRESS_OPEN_FACILITATOR | HRC_PROGRESS_OPEN_READONLY, &s,
                              &info);
    if (r != HRC_PROGRESS_OK) {
        fprintf(stderr, "%s: %s\n", cli->argv0, info.message);
        return NULL;
    }
    if (info.status & HRC_PROGRESS_RECOVERED)
        fprintf(stderr, "%s: %s\n", cli->argv0, info.message);
    return s;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcasecmp(s + n - m, suffix) == 0;
}

int hrc_cmd_export(const hrc_cli *cli)
{
    const char *file = cli->export_file;
    bool csv = ends_with(file, ".csv"), json = ends_with(file, ".json");
    if (!csv && !json) {
        fprintf(stderr, _("%s: --export takes a file name ending in .csv or .json\n"),
                cli->argv0);
        return HRC_EXIT_USAGE;
    }
    hrc_progress *s = open_store(cli, true);
    if (!s)
        return HRC_EXIT_FAILURE;
    const char *lang = cli->lang ? cli->lang : hrc_i18n_language();
    int r = csv ? hrc_progress_export_csv(s, file, lang) : hrc_progress_export_json(s, file);
    if (r != HRC_PROGRESS_OK)
        fprintf(stderr, "%s: %s\n", cli->argv0, hrc_progress_errmsg(s));
    else
        printf(_("Progress exported to %s\n"), file);
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

int hrc_cmd_import(const hrc_cli *cli)
{
    hrc_progress *s = open_store(cli, false);
    if (!s)
        return HRC_EXIT_FAILURE;
    hrc_import_stats stats;
    int r = hrc_progress_import_json(s, cli->import_file, &stats);
    if (r != HRC_PROGRESS_OK)
        fprintf(stderr, _("%s: nothing imported: %s\n"), cli->argv0, hrc_progress_errmsg(s));
    else
        printf(_("%s: %zu statements read, %zu added, %zu already present, "
                 "%zu new learners\n"),
               cli->import_file, stats.statements, stats.added, stats.duplicates,
               stats.learners_added);
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

/* One line from stdin without its line end; echo off when it is a terminal. */
static bool read_pin(const char *prompt, char *buf, size_t size)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios saved, quiet;
    if (tty) {
        fputs(prompt, stderr);
        fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            quiet = saved;
            quiet.c_lflag &= ~(tcflag_t)ECHO;
            quiet.c_lflag |= ECHONL;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        } else {
            tty = false;
        }
    }
    bool ok = fgets(buf, (int)size, stdin) != NULL;
    if (tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (ok)
        buf[strcspn(buf, "\r\n")] = '\0';
    return ok;
}

int hrc_cmd_set_facilitator_pin(const hrc_cli *cli)
{
    char pin[64] = "", again[64] = "";
    if (!read_pin(_("New facilitator PIN (4 to 12 digits): "), pin, sizeof pin)) {
        fprintf(stderr, _("%s: no PIN given\n"), cli->argv0);
        return HRC_EXIT_FAILURE;
    }
    if (!hrc_progress_pin_is_valid(pin)) {
        fprintf(stderr, _("%s: a PIN is 4 to 12 digits\n"), cli->argv0);
        return HRC_EXIT_FAILURE;
    }
    if (isatty(STDIN_FILENO)) {
        if (!read_pin(_("Repeat the PIN: "), again, sizeof again) || strcmp(pin, again) != 0) {
            fprintf(stderr, _("%s: the two PINs differ; nothing changed\n"), cli->argv0);
            return HRC_EXIT_FAILURE;
        }
    }
    hrc_progress *s = open_store(cli, false);
    if (!s)
        return HRC_EXIT_FAILURE;
    int r = hrc_progress_set_facilitator_pin(s, pin);
    explicit_bzero(pin, sizeof pin);
    explicit_bzero(again, sizeof again);
    if (r != HRC_PROGRESS_OK)
        fprintf(stderr, "%s: %s\n", cli->argv0, hrc_progress_errmsg(s));
    else
        printf(_("Facilitator PIN set.\n"));
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}
