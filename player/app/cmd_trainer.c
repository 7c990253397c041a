/*
 * cmd_trainer.c: the trainer's commands. --import-class, --groups,
 * --item-stats, --report, --certificates and --verify-certificate, with
 * --group NAME, --module ID, --paper a4|letter and --title TEXT.
 * Like the other store commands, whoever runs these owns the machine: the
 * store opens unlocked. Messages are in the interface language.
 */
#include "app/cli.h"
#include "core/i18n.h"
#include "core/itemstats.h"
#include "io/loader.h"
#include "io/paper.h"
#include "io/progress.h"
#include "sdl/assets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int hrc_cli_group(const hrc_cli *cli, hrc_progress *s, int64_t *group)
{
    *group = HRC_GROUP_ALL;
    if (!cli->group)
        return 0;
    hrc_group g;
    if (hrc_progress_find_group(s, cli->group, &g) != HRC_PROGRESS_OK) {
        fprintf(stderr, _("%s: no group is called \"%s\" (%s --groups lists them)\n"),
                cli->argv0, cli->group, cli->argv0);
        return -1;
    }
    *group = g.id;
    return 0;
}

/* The course, or NULL after saying why. */
static hrc_course *load_course(const hrc_cli *cli)
{
    if (cli->n_paths != 1) {
        fprintf(stderr, _("%s: give one COURSE (a folder of modules or a module file)\n"),
                cli->argv0);
        return NULL;
    }
    hrc_diags diags;
    hrc_diags_init(&diags);
    hrc_course *course = NULL;
    int loaded = hrc_course_open(cli->paths[0], &course, &diags);
    hrc_diags_sort(&diags);
    for (size_t i = 0; i < diags.count; i++)
        hrc_diag_format(&diags.items[i], stderr);
    if (loaded || !course || course->n_modules == 0) {
        fprintf(stderr, _("%s: cannot read the course %s: %s\n"), cli->argv0, cli->paths[0],
                diags.n_errors ? _("it has errors (listed above)") : _("it holds no modules"));
        hrc_diags_clear(&diags);
        hrc_course_free(course);
        return NULL;
    }
    hrc_diags_clear(&diags);
    return course;
}

/* The options every paper shares; false after saying why. */
static bool paper_options(const hrc_cli *cli, hrc_paper_options *o, char *fonts, size_t size)
{
    memset(o, 0, sizeof *o);
    o->paper = HRC_PAPER_DEFAULT;
    if (cli->paper && !hrc_paper_parse(cli->paper, &o->paper)) {
        fprintf(stderr, _("%s: --paper takes a4 or letter\n"), cli->argv0);
        return false;
    }
    o->title = cli->title;
    o->module_id = cli->module_id;
    char assets[4096], err[256];
    if (hrc_assets_find(assets, sizeof assets, err, sizeof err) == 0 &&
        (size_t)snprintf(fonts, size, "%s/fonts", assets) < size)
        o->fonts_dir = fonts;
    return true;
}

/* ---- Class lists and groups -------------------------------------------------- */

int hrc_cmd_import_class(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_WRITE);
    if (!s)
        return HRC_EXIT_FAILURE;
    hrc_roster_options opts = {.group = cli->group};
    hrc_roster_report report;
    int r = hrc_progress_import_class(s, cli->class_file, &opts, &report);
    for (size_t i = 0; i < report.n_issues; i++)
        fprintf(report.issues[i].error ? stderr : stdout, "%s: %s\n", cli->class_file,
                report.issues[i].message);
    if (report.errors > report.n_issues)
        fprintf(stderr, _("%s: (%zu more problems not shown)\n"), cli->class_file,
                report.errors - report.n_issues);
    if (r == HRC_PROGRESS_OK) {
        char sep[16];
        snprintf(sep, sizeof sep, "%s", report.separator == '\t' ? "tab"
                                        : report.separator == ';' ? ";"
                                        : report.separator == ',' ? "," : "-");
        printf(ngettext("%s: %zu learner added", "%s: %zu learners added",
                        report.learners_added), cli->class_file, report.learners_added);
        printf(ngettext(", %zu group created", ", %zu groups created", report.groups_added),
               report.groups_added);
        printf(ngettext(", %zu line skipped.\n", ", %zu lines skipped.\n", report.skipped),
               report.skipped);
        /* TRANSLATORS: encoding (UTF-8 or Windows-1252), separator, header or not. */
        printf(_("Read as %s, separator %s, %s.\n"), report.encoding, sep,
               report.header ? _("with a header line") : _("without a header line"));
    } else if (report.errors) {
        fprintf(stderr, ngettext("%s: nothing was imported: %zu problem; correct the line "
                                 "above and import the file again.\n",
                                 "%s: nothing was imported: %zu problems; correct the lines "
                                 "above and import the file again.\n", report.errors),
                cli->argv0, report.errors);
    } else {
        fprintf(stderr, _("%s: nothing was imported: %s\n"), cli->argv0,
                hrc_progress_errmsg(s));
    }
    hrc_roster_report_free(&report);
    hrc_progress_close(s);
    return r == HRC_PROGRESS_OK ? HRC_EXIT_OK : HRC_EXIT_FAILURE;
}

int hrc_cmd_groups(const hrc_cli *cli)
{
    hrc_progress *s = hrc_cli_open_store(cli, STORE_SHOW);
    if (!s)
        return HRC_EXIT_FAILURE;
    hrc_group *groups = NULL;
    size_t n = 0;
    int64_t open = 0;
    int r = hrc_progress_list_groups(s, &groups, &n);
    if (!r)
        r = hrc_progress_open_group(s, &open);
    if (r)
        fprintf(stderr, _("%s: cannot read the groups: %s\n"), cli->argv0,
                hrc_progress_errmsg(s));
    else if (n == 0)
        printf(_("No group yet.\n"));
    for (size_t i = 0; i < n; i++) {
        printf("%s", groups[i].name);
        if (groups[i].day[0])
            printf("  (%s)", groups[i].day);
        printf(ngettext("  %zu learner", "  %zu learners", groups[i].n_learners),
               groups[i].n_learners);
        if (groups[i].id == open)
            /* TRANSLATORS: after the group that new learners join. */
            printf("  %s", _("[open: new learners join it]"));
        printf("\n");
    }
    free(groups);
    hrc_progress_close(s);
    return r ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}

/* ---- Item statistics and the report ---------------------------------------------- */

int hrc_cmd_item_stats(const hrc_cli *cli)
{
    hrc_course *course = load_course(cli);
    if (!course)
        return HRC_EXIT_FAILURE;
    hrc_progress *s = hrc_cli_open_store(cli, STORE_READ);
    int64_t group = 0;
    int r = !s || hrc_cli_group(cli, s, &group) ? -1 : HRC_PROGRESS_OK;
    if (!r) {
        r = hrc_progress_export_item_stats(s, course, group, cli->out_path);
        if (r)
            fprintf(stderr, _("%s: nothing written: %s\n"), cli->argv0, hrc_progress_errmsg(s));
        else
            printf(ngettext("%zu question, hardest first, written to %s\n",
                            "%zu questions, hardest first, written to %s\n",
                            hrc_progress_last_export(s)->records),
                   hrc_progress_last_export(s)->records, cli->out_path);
    }
    hrc_progress_close(s);
    hrc_course_free(course);
    return r ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}

int hrc_cmd_report(const hrc_cli *cli)
{
    hrc_paper_options o;
    char fonts[4200];
    if (!paper_options(cli, &o, fonts, sizeof fonts))
        return HRC_EXIT_USAGE;
    hrc_course *course = load_course(cli);
    if (!course)
        return HRC_EXIT_FAILURE;
    hrc_progress *s = hrc_cli_open_store(cli, STORE_READ);
    int r = !s || hrc_cli_group(cli, s, &o.group) ? -1 : HRC_PROGRESS_OK;
    if (!r) {
        char err[HRC_PAPER_MSG_MAX];
        hrc_report_stats stats;
        r = hrc_report_write(s, course, &o, cli->out_path, &stats, err, sizeof err);
        if (r)
            fprintf(stderr, _("%s: no report written: %s\n"), cli->argv0, err);
        else
            /* TRANSLATORS: the file, then its pages, learners and modules. */
            printf(_("Report written to %s: %zu pages, %zu learners, %zu modules.\n"),
                   cli->out_path, stats.pages, stats.learners, stats.modules);
    }
    hrc_progress_close(s);
    hrc_course_free(course);
    return r ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}

/* ---- Certificates --------------------------------------------------------------- */

int hrc_cmd_certificates(const hrc_cli *cli)
{
    hrc_paper_options o;
    char fonts[4200];
    if (!paper_options(cli, &o, fonts, sizeof fonts))
        return HRC_EXIT_USAGE;
    hrc_course *course = load_course(cli);
    if (!course)
        return HRC_EXIT_FAILURE;
    struct stat st;
    if (stat(cli->out_path, &st) != 0 && mkdir(cli->out_path, 0700) != 0) {
        fprintf(stderr, _("%s: cannot make the folder %s\n"), cli->argv0, cli->out_path);
        hrc_course_free(course);
        return HRC_EXIT_FAILURE;
    }
    hrc_progress *s = hrc_cli_open_store(cli, STORE_WRITE);
    int r = !s || hrc_cli_group(cli, s, &o.group) ? -1 : HRC_PROGRESS_OK;
    if (!r) {
        char err[HRC_PAPER_MSG_MAX];
        hrc_certificates_result result;
        r = hrc_certificates_write(s, course, &o, cli->out_path, &result, err, sizeof err);
        if (r)
            fprintf(stderr, _("%s: %s (%zu certificates written)\n"), cli->argv0, err,
                    result.written);
        else if (result.eligible == 0)
            printf(cli->module_id ? _("Nobody has completed module %s yet: no certificate.\n")
                                  : _("Nobody has completed the course yet: no certificate.\n"),
                   cli->module_id);
        else
            printf(ngettext("%zu certificate written to %s\n",
                            "%zu certificates written to %s\n", result.written),
                   result.written, cli->out_path);
    }
    hrc_progress_close(s);
    hrc_course_free(course);
    return r ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}

int hrc_cmd_verify_certificate(const hrc_cli *cli)
{
    /* Any store of this machine says whom it trusts; none is fine. */
    char dir[HRC_PROGRESS_PATH_MAX], db[HRC_PROGRESS_PATH_MAX + 16];
    hrc_progress *s = NULL;
    if (hrc_progress_default_dir(cli->data_dir, dir, sizeof dir) == HRC_PROGRESS_OK &&
        (size_t)snprintf(db, sizeof db, "%s/progress.db", dir) < sizeof db &&
        access(db, F_OK) == 0)
        s = hrc_cli_open_store(cli, STORE_READ);
    hrc_certificate_check *c = calloc(1, sizeof *c);
    if (!c) {
        hrc_progress_close(s);
        return HRC_EXIT_FAILURE;
    }
    int r = hrc_certificate_verify(s, cli->out_path, c);
    int status = HRC_EXIT_FAILURE;
    switch (r) {
    case HRC_PROGRESS_OK:
        if (c->standing == HRC_KIOSK_UNKNOWN) {
            printf(_("%s: NOT VERIFIED: the certificate is whole and its signature holds, but "
                     "it was signed by the kiosk with fingerprint %s, which this machine does "
                     "not trust. Anyone can make such a key: it is genuine only if that "
                     "kiosk, the one that issued it, shows this fingerprint.\n"),
                   cli->out_path, c->kiosk.fingerprint);
            status = HRC_EXIT_UNTRUSTED;
        } else {
            printf(_("%s: GENUINE: unaltered, signed by %s (fingerprint %s).\n"), cli->out_path,
                   c->standing == HRC_KIOSK_THIS ? _("this kiosk") : _("a trusted kiosk"),
                   c->kiosk.fingerprint);
            status = HRC_EXIT_OK;
        }
        /* TRANSLATORS: what the certificate says; keep the alignment. */
        printf(_("  Certificate: %s\n  Learner:     %s\n  Course:      %s\n"
                 "  Scope:       %s\n  Completed:   %s\n  Score:       %s\n"
                 "  Issued:      %s\n"),
               c->number, c->learner, c->course, c->scope, c->completed, c->score, c->issued);
        break;
    case HRC_PROGRESS_ERR_UNSIGNED:
        fprintf(stderr, _("%s: NOT A CERTIFICATE of this player: %s\n"), cli->out_path,
                c->message);
        break;
    case HRC_PROGRESS_ERR_SIGNATURE:
        fprintf(stderr, _("%s: ALTERED: %s. Do not trust what it says.\n"), cli->out_path,
                c->message);
        break;
    default:
        fprintf(stderr, _("%s: cannot check %s: %s\n"), cli->argv0, cli->out_path, c->message);
    }
    free(c);
    hrc_progress_close(s);
    return status;
}
