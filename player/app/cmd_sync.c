/*
 * cmd_sync.c: --sync, sending the progress store's statements to the
 * learning record store of lrs.conf (io/lrs_sync.h), and the LRS
 * configuration shared with playing (background sync, cmd_play.c).
 *
 * Exit status: 0 when the LRS has acknowledged every statement; 1 when some
 * are still pending (the LRS could not be reached...) or were refused;
 * 2 for what only a change of configuration mends (no or bad lrs.conf,
 * --lrs-ca, a key or secret the LRS refuses, a certificate it cannot
 * verify).
 */
#include "app/cli.h"
#include "core/i18n.h"
#include "io/lrs_config.h"
#include "io/lrs_sync.h"
#include "io/progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool hrc_cli_lrs_config(const hrc_cli *cli, hrc_lrs_config *cfg, bool *configured)
{
    char err[HRC_LRS_PATH_MAX + 512];
    *configured = false;
    int r = hrc_lrs_config_load(cfg, err, sizeof err);
    if (r == HRC_LRS_CONFIG_ERROR) {
        fprintf(stderr, _("%s: learning record store: %s\n"), cli->argv0, err);
        return false;
    }
    if (r == HRC_LRS_CONFIG_NONE)
        return true;
    if (cli->lrs_ca) {
        if (access(cli->lrs_ca, R_OK) != 0 ||
            strlen(cli->lrs_ca) >= sizeof cfg->ca_file) {
            fprintf(stderr, _("%s: --lrs-ca %s: no such readable file\n"), cli->argv0,
                    cli->lrs_ca);
            hrc_lrs_config_clear(cfg);
            return false;
        }
        snprintf(cfg->ca_file, sizeof cfg->ca_file, "%s", cli->lrs_ca);
    }
    *configured = true;
    return true;
}

/* "Sent 120 statements, 0 pending, 1 refused: <reason>" */
static void print_summary(const hrc_lrs_summary *s)
{
    printf(ngettext("Sent %zu statement", "Sent %zu statements", s->sent), s->sent);
    if (s->already)
        printf(ngettext(", %zu already in the LRS", ", %zu already in the LRS", s->already),
               s->already);
    if (s->pending >= 0)
        printf(ngettext(", %lld pending", ", %lld pending", (unsigned long)s->pending),
               (long long)s->pending);
    long long refused = s->refused_total;
    if (refused == 0)
        printf("%s", _(", 0 refused"));
    else
        printf(ngettext(", %lld refused (statement %s): %s",
                        ", %lld refused, the latest (statement %s): %s",
                        (unsigned long)refused),
               refused, s->refused_id, s->refused_reason);
    printf("\n");
}

int hrc_cmd_sync(const hrc_cli *cli)
{
    hrc_lrs_config cfg;
    bool configured;
    if (!hrc_cli_lrs_config(cli, &cfg, &configured))
        return HRC_EXIT_USAGE;
    if (!configured) {
        fprintf(stderr,
                _("%s: no learning record store is configured: write its endpoint, key "
                  "and secret in $XDG_CONFIG_HOME/hrc-player/lrs.conf or "
                  "/etc/hrc-player/lrs.conf, or set HRC_LRS_ENDPOINT\n"),
                cli->argv0);
        return HRC_EXIT_USAGE;
    }

    char dir[HRC_PROGRESS_PATH_MAX];
    if (hrc_progress_default_dir(cli->data_dir, dir, sizeof dir) != HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: no folder for progress: use --data-dir\n"), cli->argv0);
        hrc_lrs_config_clear(&cfg);
        return HRC_EXIT_USAGE;
    }
    char path[HRC_PROGRESS_PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/progress.db", dir);
    if (access(path, F_OK) != 0) {
        printf(_("Nothing to send: no progress has been recorded in %s\n"), dir);
        hrc_lrs_config_clear(&cfg);
        return HRC_EXIT_OK;
    }
    hrc_progress *store = NULL;
    hrc_progress_open_info info;
    if (hrc_progress_open(cli->data_dir, HRC_PROGRESS_OPEN_DEFAULT, &store, &info) !=
        HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: cannot open the progress store: %s\n"), cli->argv0,
                info.message);
        hrc_lrs_config_clear(&cfg);
        return HRC_EXIT_FAILURE;
    }
    if (info.status & HRC_PROGRESS_RECOVERED)
        fprintf(stderr, "%s: %s\n", cli->argv0, info.message);

    if (cli->retry_refused) {
        int64_t again = 0;
        if (hrc_lrs_retry_refused(&cfg, store, &again) != HRC_LRS_OK) {
            fprintf(stderr, _("%s: cannot open the progress store: %s\n"), cli->argv0,
                    hrc_progress_errmsg(store));
            hrc_lrs_config_clear(&cfg);
            hrc_progress_close(store);
            return HRC_EXIT_FAILURE;
        }
        printf(ngettext("%lld statement refused before goes again\n",
                        "%lld statements refused before go again\n", (unsigned long)again),
               (long long)again);
    }
    hrc_lrs_client *client = hrc_lrs_global_init() == 0 ? hrc_lrs_client_new(&cfg) : NULL;
    hrc_lrs_config_clear(&cfg);
    if (!client) {
        fprintf(stderr, _("%s: the network library could not start\n"), cli->argv0);
        hrc_progress_close(store);
        return HRC_EXIT_FAILURE;
    }
    hrc_lrs_summary sum;
    int r = hrc_lrs_sync(client, store, &sum);
    hrc_lrs_client_free(client);
    hrc_progress_close(store);

    print_summary(&sum);
    fflush(stdout); /* the summary first, then why it stopped */
    if (r != HRC_LRS_OK) {
        char why[1024];
        hrc_lrs_describe(&sum.error, why, sizeof why);
        fprintf(stderr, _("%s: sync stopped: %s\n"), cli->argv0, why);
        if (r == HRC_LRS_ERR_AUTH || r == HRC_LRS_ERR_TLS)
            return HRC_EXIT_USAGE;
        return HRC_EXIT_FAILURE;
    }
    return sum.pending == 0 && sum.refused_total == 0 ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}
