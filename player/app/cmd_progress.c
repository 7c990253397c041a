/*
 * cmd_progress.c: --export, --import, --set-facilitator-pin and the kiosk
 * keys (--kiosk-key, --trust-kiosk, --untrust-kiosk, --trusted-kiosks).
 * Whoever runs these owns the machine, so the store opens unlocked for
 * facilitator functions (HRC_PROGRESS_OPEN_FACILITATOR); the kiosk screens
 * ask for the facilitator PIN instead. --export only reads: it opens the
 * store read-only and never creates, moves or repairs it.
 * Every message is in the interface language; the store's own details
 * (paths, SQLite's words) follow in English where they help.
 */
#include "app/cli.h"
#include "core/i18n.h"
#include "io/loader.h"
#include "io/progress.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

unsigned hrc_cli_store_flags(void)
{
    const char *fast = getenv("HRC_FAST_PIN_HASH");
    return fast && strcmp(fast, "1") == 0 ? HRC_PROGRESS_OPEN_FAST_PIN_HASH : 0;
}

void hrc_cli_store_warning(const hrc_cli *cli, const hrc_progress_open_info *info)
{
    if (!(info->status & (HRC_PROGRESS_TIGHTENED | HRC_PROGRESS_EXPOSED)))
        return;
    struct stat st;
    bool folder = stat(info->exposed, &st) == 0 && S_ISDIR(st.st_mode);
    if (info->status & HRC_PROGRESS_TIGHTENED)
        fprintf(stderr, _("%s: %s could be read by other users of this machine (mode %04o); "
                          "it is now private.\n"),
                cli->argv0, info->exposed, info->exposed_mode);
    else
        fprintf(stderr, _("%s: warning: %s can be read by other users of this machine "
                          "(mode %04o). Make it private: chmod %s %s\n"),
                cli->argv0, info->exposed, info->exposed_mode, folder ? "700" : "600",
                info->exposed);
}


static void report_open_failure(const hrc_cli *cli, int r, const hrc_progress_open_info *info)
{
    switch (r) {
    case HRC_PROGRESS_ERR_DAMAGED:
        fprintf(stderr, _("%s: the progress store %s is damaged. It was left as it is and "
                          "nothing was written.\nWhen the player next starts, it moves the "
                          "store aside to %s.corrupt-YYYYMMDDTHHMMSSZ (the UTC time) and starts "
                          "a new, empty one.\n"),
                cli->argv0, info->path, info->path);
        break;
    case HRC_PROGRESS_ERR_TOO_NEW:
        fprintf(stderr, _("%s: %s was written by a newer hrc-player; this one cannot use it.\n"),
                cli->argv0, info->path);
        break;
    case HRC_PROGRESS_ERR_FULL:
        fprintf(stderr, _("%s: the disk is full: %s\n"), cli->argv0, info->message);
        break;
    case HRC_PROGRESS_ERR_READONLY:
        fprintf(stderr, _("%s: the progress store cannot be written: %s\n"), cli->argv0,
                info->message);
        break;
    case HRC_PROGRESS_ERR_BUSY:
        fprintf(stderr, _("%s: another program kept the progress store busy; try again.\n"),
                cli->argv0);
        break;
    default:
        fprintf(stderr, _("%s: cannot open the progress store: %s\n"), cli->argv0,
                info->message);
    }
}

hrc_progress *hrc_cli_open_store(const hrc_cli *cli, hrc_store_use use)
{
    char dir[HRC_PROGRESS_PATH_MAX];
    if (hrc_progress_default_dir(cli->data_dir, dir, sizeof dir) != HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: no folder for progress: use --data-dir\n"), cli->argv0);
        return NULL;
    }
    if (use == STORE_READ) {
        char path[HRC_PROGRESS_PATH_MAX + 16];
        snprintf(path, sizeof path, "%s/progress.db", dir);
        if (access(path, F_OK) != 0) {
            fprintf(stderr, _("%s: no progress has been recorded in %s\n"), cli->argv0, dir);
            return NULL;
        }
    }
    unsigned flags = HRC_PROGRESS_OPEN_FACILITATOR | hrc_cli_store_flags();
    hrc_progress *s = NULL;
    hrc_progress_open_info info;
    int r = hrc_progress_open(cli->data_dir,
                              flags | (use == STORE_READ ? HRC_PROGRESS_OPEN_READONLY : 0), &s,
                              &info);
    if (r == HRC_PROGRESS_ERR_READONLY && use == STORE_SHOW) /* read-only media */
        r = hrc_progress_open(cli->data_dir, flags | HRC_PROGRESS_OPEN_READONLY, &s, &info);
    if (r != HRC_PROGRESS_OK) {
        report_open_failure(cli, r, &info);
        return NULL;
    }
    if (info.status & HRC_PROGRESS_RECOVERED)
        fprintf(stderr, _("%s: the progress store was damaged; it was moved to %s and a new, "
                          "empty store was started.\n"),
                cli->argv0, info.moved_to);
    hrc_cli_store_warning(cli, &info);
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
    if (cli->n_paths > 1) {
        fprintf(stderr, _("%s: --export takes at most one COURSE\n"), cli->argv0);
        return HRC_EXIT_USAGE;
    }
    /* The course played, when given: answers to its fill-in and numeric
     * questions are described as xAPI interactions. */
    hrc_course *course = NULL;
    if (cli->n_paths == 1) {
        hrc_diags diags;
        hrc_diags_init(&diags);
        int loaded = hrc_course_open(cli->paths[0], &course, &diags);
        hrc_diags_clear(&diags);
        if (loaded || !course) {
            fprintf(stderr, _("%s: cannot read the course %s: check it with %s --validate\n"),
                    cli->argv0, cli->paths[0], cli->argv0);
            hrc_course_free(course);
            return HRC_EXIT_FAILURE;
        }
    }
    hrc_progress *s = hrc_cli_open_store(cli, STORE_READ);
    if (!s) {
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    hrc_progress_set_course(s, course);
    int64_t group = HRC_GROUP_ALL;
    if (hrc_cli_group(cli, s, &group) != 0) {
        hrc_progress_close(s);
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    const char *lang = cli->lang ? cli->lang : hrc_i18n_language();
    int r = csv ? hrc_progress_export_csv_group(s, file, lang, group)
                : hrc_progress_export_json_group(s, file, group);
    if (r == HRC_PROGRESS_ERR_NOT_FOUND && json)
        fprintf(stderr, _("%s: this store has no kiosk key yet, so its export cannot be signed. "
                          "Run %s --kiosk-key once to make the key.\n"),
                cli->argv0, cli->argv0);
    else if (r == HRC_PROGRESS_ERR_FULL)
        fprintf(stderr, _("%s: the disk is full: %s was not written (a file of that name that "
                          "was there is unchanged).\n"),
                cli->argv0, file);
    else if (r != HRC_PROGRESS_OK)
        fprintf(stderr, _("%s: nothing exported: %s\n"), cli->argv0, hrc_progress_errmsg(s));
    if (r != HRC_PROGRESS_OK) {
        hrc_progress_close(s);
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    const hrc_export_report *report = hrc_progress_last_export(s);
    if (report->replaced)
        fprintf(stderr,
                ngettext("%s: warning: %zu piece of text in the store was not valid UTF-8; "
                         "it was written as U+FFFD.\n",
                         "%s: warning: %zu pieces of text in the store were not valid UTF-8; "
                         "they were written as U+FFFD.\n", report->replaced),
                cli->argv0, report->replaced);
    printf(_("Progress exported to %s\n"), file);
    if (json) {
        hrc_kiosk me;
        hrc_progress_this_kiosk(s, &me);
        printf(_("Signed in %s by this kiosk (fingerprint %s).\n"), report->signature,
               me.fingerprint);
    }
    hrc_progress_close(s);
    hrc_course_free(course);
    return HRC_EXIT_OK;
}

/* Says how to trust the kiosk that signed a refused import. */
static void explain_untrusted(const hrc_cli *cli, const hrc_import_stats *stats)
{
    if (stats->signer_trusted || !stats->signer.fingerprint[0])
        return;
    fprintf(stderr, _("If this file comes from a kiosk you know, check that it shows the "
                      "fingerprint %s (%s --kiosk-key on it), then trust it:\n"
                      "  %s --trust-kiosk %s\n"),
            stats->signer.fingerprint, cli->argv0, cli->argv0, stats->signer.key);
}

int hrc_cmd_import(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_WRITE);
    if (!s)
        return HRC_EXIT_FAILURE;
    hrc_import_stats stats;
    int r = hrc_progress_import_json(s, cli->import_file, &stats);
    switch (r) {
    case HRC_PROGRESS_OK:
        printf(_("%s: %zu statements read, %zu added, %zu already present, "
                 "%zu new learners\n"),
               cli->import_file, stats.statements, stats.added, stats.duplicates,
               stats.learners_added);
        break;
    case HRC_PROGRESS_ERR_UNSIGNED:
        fprintf(stderr, _("%s: nothing imported: %s is not signed (%s.sig is missing). Only "
                          "exports signed by an hrc-player kiosk are imported.\n"),
                cli->argv0, cli->import_file, cli->import_file);
        break;
    case HRC_PROGRESS_ERR_SIGNATURE:
        fprintf(stderr, _("%s: nothing imported: %s or its signature was changed after it was "
                          "signed (%s).\n"),
                cli->argv0, cli->import_file, hrc_progress_errmsg(s));
        break;
    case HRC_PROGRESS_ERR_UNTRUSTED:
        fprintf(stderr, _("%s: nothing imported: %s\n"), cli->argv0, hrc_progress_errmsg(s));
        explain_untrusted(cli, &stats);
        break;
    default:
        fprintf(stderr, _("%s: nothing imported: %s\n"), cli->argv0, hrc_progress_errmsg(s));
    }
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

/*
 * The machine's owner sets the PIN without knowing the old one: the
 * initial set-up when there is none, else a replacement (the way back from
 * a forgotten PIN). Either resets the count of wrong tries.
 */
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
    hrc_progress *s = hrc_cli_open_store(cli, STORE_WRITE);
    if (!s)
        return HRC_EXIT_FAILURE;
    bool has = false;
    int r = hrc_progress_has_facilitator_pin(s, &has);
    if (!r)
        r = has ? hrc_progress_set_facilitator_pin(s, pin)
                : hrc_progress_setup_facilitator_pin(s, pin);
    explicit_bzero(pin, sizeof pin);
    explicit_bzero(again, sizeof again);
    if (r != HRC_PROGRESS_OK)
        fprintf(stderr, _("%s: the PIN was not saved: %s\n"), cli->argv0,
                hrc_progress_errmsg(s));
    else
        printf(_("Facilitator PIN set.\n"));
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

int hrc_cmd_kiosk_key(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_SHOW);
    if (!s)
        return HRC_EXIT_FAILURE;
    hrc_kiosk me;
    int r = hrc_progress_this_kiosk(s, &me);
    if (r != HRC_PROGRESS_OK)
        fprintf(stderr, _("%s: this kiosk has no key yet: %s\n"), cli->argv0,
                hrc_progress_errmsg(s));
    else
        printf(_("This kiosk's key:\n  %s\nFingerprint: %s\n"
                 "Another kiosk accepts this one's exports once its facilitator runs\n"
                 "  %s --trust-kiosk KEY\n"
                 "there and sees the same fingerprint.\n"),
               me.key, me.fingerprint, cli->argv0);
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

int hrc_cmd_trust_kiosk(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_WRITE);
    if (!s)
        return HRC_EXIT_FAILURE;
    /* A key as --kiosk-key prints it, or an export (or its .sig) whose
     * signer is to be trusted. */
    const char *arg = cli->kiosk_arg;
    while (*arg == ' ' || *arg == '\t')
        arg++;
    hrc_kiosk signer, trusted;
    int r = HRC_PROGRESS_OK;
    const char *key = arg;
    if (strncmp(arg, "hrc-kiosk-", 10) != 0) {
        r = hrc_progress_export_signer(s, arg, &signer);
        key = signer.key;
    }
    if (r != HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: no kiosk key in %s: %s\n"), cli->argv0, arg,
                hrc_progress_errmsg(s));
    } else if ((r = hrc_progress_trust_kiosk(s, key, &trusted)) != HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: cannot trust this kiosk: %s\n"), cli->argv0,
                hrc_progress_errmsg(s));
    } else {
        printf(_("This store now accepts exports signed by the kiosk with fingerprint\n"
                 "  %s\n(device %s). Check that this kiosk shows the same fingerprint\n"
                 "(%s --kiosk-key on it); if not, undo with: %s --untrust-kiosk %s\n"),
               trusted.fingerprint, trusted.device_id, cli->argv0, cli->argv0,
               trusted.device_id);
    }
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

int hrc_cmd_untrust_kiosk(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_WRITE);
    if (!s)
        return HRC_EXIT_FAILURE;
    int r = hrc_progress_untrust_kiosk(s, cli->kiosk_arg);
    if (r == HRC_PROGRESS_ERR_NOT_FOUND)
        fprintf(stderr, _("%s: this store trusts no kiosk with the key, fingerprint or device "
                          "id %s\n"), cli->argv0, cli->kiosk_arg);
    else if (r != HRC_PROGRESS_OK)
        fprintf(stderr, _("%s: nothing changed: %s\n"), cli->argv0, hrc_progress_errmsg(s));
    else
        printf(_("This store no longer accepts exports signed by %s. Events already "
                 "imported from it stay.\n"), cli->kiosk_arg);
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

int hrc_cmd_trusted_kiosks(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_SHOW);
    if (!s)
        return HRC_EXIT_FAILURE;
    hrc_kiosk *all = NULL;
    size_t n = 0;
    int r = hrc_progress_list_trusted_kiosks(s, &all, &n);
    if (r != HRC_PROGRESS_OK)
        fprintf(stderr, _("%s: cannot read the trusted kiosks: %s\n"), cli->argv0,
                hrc_progress_errmsg(s));
    else if (n == 0)
        printf(_("This store trusts no other kiosk.\n"));
    else
        printf(ngettext("This store trusts %zu other kiosk:\n",
                        "This store trusts %zu other kiosks:\n", n), n);
    for (size_t i = 0; i < n; i++) {
        time_t t = (time_t)(all[i].trusted_ms / 1000);
        struct tm tm;
        char day[32] = "";
        if (gmtime_r(&t, &tm))
            strftime(day, sizeof day, "%Y-%m-%d", &tm);
        /* TRANSLATORS: fingerprint, device id, date (YYYY-MM-DD), key. */
        printf(_("  %s  device %s, trusted on %s\n    %s\n"), all[i].fingerprint,
               all[i].device_id, day, all[i].key);
    }
    free(all);
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}
