/* hrc-player: the command line. Parses options and hands over to a command. */
#include "app/cli.h"
#include "core/i18n.h"
#include "io/locale.h"

#include <getopt.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_usage(FILE *out, const char *argv0)
{
    /* One message per section, so that translators work on short texts.
     * TRANSLATORS: keep the option names and the alignment of the columns. */
    fprintf(out, _("Usage: %s [OPTION]... [COURSE]\n"
                   "Play the learning modules of COURSE (a folder of modules, or one module).\n"),
            argv0);
    fputs(_("\n"
            "Playing:\n"
            "  --lang fr|en|es          interface and course language\n"
            "  --size WxH               window size in pixels (default 1280x800)\n"
            "  --kiosk                  full screen kiosk for shared machines\n"
            "  --idle-timeout SECONDS   kiosk: ask \"Are you still there?\" after this\n"
            "                           idle time (default 180)\n"
            "  --show-learners          kiosk: list every learner on the sign-in screen\n"
            "                           (a classroom) instead of finding them by the\n"
            "                           first letters of their name\n"
            "  --data-dir DIR           where learner progress is kept\n"
            "                           (default $XDG_DATA_HOME/hrc-player)\n"
            "  --exit-after-first-frame quit as soon as the first frame is shown\n"),
          out);
    fputs(_("  --speech [on|off]        spoken guidance: the screens read aloud, from the\n"
            "                           start (F1 or a two-second press turns it on or\n"
            "                           off at any time); with --render, also write what\n"
            "                           each screen says (.txt) and its speech (.wav)\n"),
          out);
    fputs(_("\n"
            "Authoring:\n"
            "  --validate FILE|DIR...   check modules; print problems as\n"
            "                           file:line:col: error: message; exit 0 when all\n"
            "                           are valid, 1 when any is not, 2 on usage errors\n"
            "  --watch COURSE           preview: reload when a module or image changes\n"
            "  --goto ID                open the page, event, case study or question ID\n"
            "  --render DIR COURSE      write one PNG per screen into DIR, no display\n"
            "  --review                 with --render: also write DIR/index.html\n"),
          out);
    fputs(_("\n"
            "Progress:\n"
            "  --export FILE.csv|FILE.json [COURSE]\n"
            "                                export every learner's progress (JSON:\n"
            "                                signed by this kiosk in FILE.json.sig; with\n"
            "                                the COURSE played, answers to fill-in and\n"
            "                                numeric questions carry their xAPI definition)\n"
            "  --import FILE.json            merge a signed export from this kiosk or\n"
            "                                from a kiosk this store trusts\n"
            "  --set-facilitator-pin         set the PIN that guards kiosk exits,\n"
            "                                exports and learner management\n"),
          out);
    fputs(_("\n"
            "Trainers:\n"
            "  --import-class FILE.csv       add learners from a class list (a name a\n"
            "                                line, optionally a group; docs/trainer.md)\n"
            "  --groups                      list the groups of learners\n"
            "  --item-stats FILE.csv COURSE  how the class answered each question,\n"
            "                                hardest first\n"
            "  --report FILE.pdf COURSE      the class report: learners by module and\n"
            "                                the questions the room got wrong\n"
            "  --certificates DIR COURSE     a signed certificate for each learner who\n"
            "                                completed the course (or --module ID)\n"
            "  --verify-certificate FILE.pdf say whether a certificate is genuine and\n"
            "                                which kiosk issued it\n"
            "  --group NAME                  only the learners of this group (with\n"
            "                                --export and the commands above)\n"
            "  --module ID                   --certificates: for one module\n"
            "  --paper a4|letter             paper size (default: from the locale)\n"
            "  --title TEXT                  the course's title on paper\n"),
          out);
    fputs(_("  --present COURSE              presenter mode: the questions the group got\n"
            "                                wrong, one at a time, full screen on the\n"
            "                                second display (Page Down: next step, Page\n"
            "                                Up: back, B: blank screen, Escape: quit);\n"
            "                                with --group NAME, else the open group\n"
            "  --display N                   open the window on display N (1 is the\n"
            "                                first); --size WxH: a window, not full screen\n"),
          out);
    fputs(_("\n"
            "Kiosk keys:\n"
            "  --kiosk-key                   show this kiosk's key and its fingerprint\n"
            "  --trust-kiosk KEY|FILE.json   accept imports signed by that kiosk (its key,\n"
            "                                or one of its exports); shows the fingerprint\n"
            "  --untrust-kiosk FINGERPRINT   stop accepting them (or give the key or the\n"
            "                                device id)\n"
            "  --trusted-kiosks              list the kiosks this store trusts\n"),
          out);
    fputs(_("\n"
            "Learning record store (LRS):\n"
            "  --sync                   send every statement the LRS has not\n"
            "                           acknowledged; exit 0 when all are, 1 when some\n"
            "                           are pending or refused, 2 on configuration errors\n"
            "  --retry-refused          with --sync: send again the statements the LRS\n"
            "                           refused before (once it was mended)\n"
            "  --lrs-ca FILE            trust this certificate authority for the LRS\n"
            "                           (also while playing)\n"
            "  The LRS is set in $XDG_CONFIG_HOME/hrc-player/lrs.conf or\n"
            "  /etc/hrc-player/lrs.conf (endpoint, key, secret; chmod 600), or by\n"
            "  HRC_LRS_ENDPOINT, HRC_LRS_USER and HRC_LRS_PASSWORD. When it is set,\n"
            "  playing also syncs in the background.\n"),
          out);
    fputs(_("\n"
            "  -h, --help               show this help\n"
            "  --version                show the version\n"),
          out);
}

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    long x = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X'))
        return -1;
    const char *rest = end + 1;
    long y = strtol(rest, &end, 10);
    if (end == rest || *end || x < 320 || y < 240 || x > 16384 || y > 16384)
        return -1;
    *w = (int)x;
    *h = (int)y;
    return 0;
}

static int set_command(hrc_cli *cli, hrc_command cmd)
{
    if (cli->command != HRC_CMD_PLAY && cli->command != cmd) {
        fprintf(stderr, _("%s: choose one of --validate, --render, --watch, "
                          "--export, --import, --set-facilitator-pin, --kiosk-key, "
                          "--trust-kiosk, --untrust-kiosk, --trusted-kiosks, --sync, "
                          "--import-class, --groups, --item-stats, --report, "
                          "--certificates, --verify-certificate\n"),
                cli->argv0);
        return -1;
    }
    cli->command = cmd;
    return 0;
}

enum {
    OPT_LANG = 256, OPT_SIZE, OPT_KIOSK, OPT_IDLE, OPT_DATA_DIR, OPT_FIRST_FRAME,
    OPT_VALIDATE, OPT_WATCH, OPT_GOTO, OPT_RENDER, OPT_REVIEW, OPT_EXPORT,
    OPT_IMPORT, OPT_SET_PIN, OPT_VERSION, OPT_KIOSK_KEY, OPT_TRUST_KIOSK,
    OPT_UNTRUST_KIOSK, OPT_TRUSTED_KIOSKS, OPT_SYNC, OPT_LRS_CA, OPT_RETRY_REFUSED,
    OPT_SHOW_LEARNERS, OPT_SPEECH, OPT_IMPORT_CLASS, OPT_GROUPS, OPT_ITEM_STATS,
    OPT_REPORT, OPT_CERTIFICATES, OPT_VERIFY_CERTIFICATE, OPT_GROUP, OPT_MODULE, OPT_PAPER,
    OPT_TITLE, OPT_PRESENT, OPT_DISPLAY,
};

int main(int argc, char **argv)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, OPT_LANG},
        {"size", required_argument, NULL, OPT_SIZE},
        {"kiosk", no_argument, NULL, OPT_KIOSK},
        {"idle-timeout", required_argument, NULL, OPT_IDLE},
        {"show-learners", no_argument, NULL, OPT_SHOW_LEARNERS},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"exit-after-first-frame", no_argument, NULL, OPT_FIRST_FRAME},
        {"validate", no_argument, NULL, OPT_VALIDATE},
        {"watch", no_argument, NULL, OPT_WATCH},
        {"goto", required_argument, NULL, OPT_GOTO},
        {"render", required_argument, NULL, OPT_RENDER},
        {"review", no_argument, NULL, OPT_REVIEW},
        {"export", required_argument, NULL, OPT_EXPORT},
        {"import", required_argument, NULL, OPT_IMPORT},
        {"set-facilitator-pin", no_argument, NULL, OPT_SET_PIN},
        {"kiosk-key", no_argument, NULL, OPT_KIOSK_KEY},
        {"trust-kiosk", required_argument, NULL, OPT_TRUST_KIOSK},
        {"untrust-kiosk", required_argument, NULL, OPT_UNTRUST_KIOSK},
        {"trusted-kiosks", no_argument, NULL, OPT_TRUSTED_KIOSKS},
        {"sync", no_argument, NULL, OPT_SYNC},
        {"lrs-ca", required_argument, NULL, OPT_LRS_CA},
        {"retry-refused", no_argument, NULL, OPT_RETRY_REFUSED},
        {"speech", optional_argument, NULL, OPT_SPEECH},
        {"import-class", required_argument, NULL, OPT_IMPORT_CLASS},
        {"groups", no_argument, NULL, OPT_GROUPS},
        {"item-stats", required_argument, NULL, OPT_ITEM_STATS},
        {"report", required_argument, NULL, OPT_REPORT},
        {"certificates", required_argument, NULL, OPT_CERTIFICATES},
        {"verify-certificate", required_argument, NULL, OPT_VERIFY_CERTIFICATE},
        {"group", required_argument, NULL, OPT_GROUP},
        {"module", required_argument, NULL, OPT_MODULE},
        {"paper", required_argument, NULL, OPT_PAPER},
        {"title", required_argument, NULL, OPT_TITLE},
        {"present", no_argument, NULL, OPT_PRESENT},
        {"display", required_argument, NULL, OPT_DISPLAY},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {0, 0, 0, 0},
    };
    /* Before any message: the language comes from the environment, and
     * --lang below overrides it. A missing catalogue leaves English. */
    char exe_path[PATH_MAX];
    hrc_locale_init(hrc_locale_exe_path(argv[0], exe_path, sizeof exe_path) == 0 ? exe_path
                                                                             : NULL);
    hrc_cli cli = {.command = HRC_CMD_PLAY, .argv0 = argv[0]};
    bool help = false;
    int c;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        int bad = 0;
        switch (c) {
        case OPT_LANG:
            if (strcmp(optarg, "fr") && strcmp(optarg, "en") && strcmp(optarg, "es")) {
                fprintf(stderr, _("%s: --lang takes fr, en or es\n"), argv[0]);
                return HRC_EXIT_USAGE;
            }
            cli.lang = optarg;
            hrc_locale_set_language(optarg); /* the messages below speak it too */
            break;
        case OPT_SIZE:
            if (parse_size(optarg, &cli.width, &cli.height)) {
                fprintf(stderr, _("%s: --size takes WIDTHxHEIGHT, such as 1920x1080\n"),
                        argv[0]);
                return HRC_EXIT_USAGE;
            }
            break;
        case OPT_KIOSK: cli.kiosk = true; break;
        case OPT_SHOW_LEARNERS: cli.show_learners = true; break;
        case OPT_IDLE: {
            char *end;
            long s = strtol(optarg, &end, 10);
            if (end == optarg || *end || s < 10 || s > 86400) {
                fprintf(stderr, _("%s: --idle-timeout takes seconds, 10 to 86400\n"),
                        argv[0]);
                return HRC_EXIT_USAGE;
            }
            cli.idle_timeout_s = (int)s;
            break;
        }
        case OPT_DATA_DIR: cli.data_dir = optarg; break;
        case OPT_SPEECH: {
            /* "--speech", "--speech=on" and "--speech on" all work. */
            const char *v = optarg;
            if (!v && optind < argc &&
                (strcmp(argv[optind], "on") == 0 || strcmp(argv[optind], "off") == 0))
                v = argv[optind++];
            if (v && strcmp(v, "on") != 0 && strcmp(v, "off") != 0) {
                fprintf(stderr, _("%s: --speech takes on or off\n"), argv[0]);
                return HRC_EXIT_USAGE;
            }
            cli.speech = !v || strcmp(v, "on") == 0;
            break;
        }
        case OPT_FIRST_FRAME: cli.exit_after_first_frame = true; break;
        case OPT_VALIDATE: bad = set_command(&cli, HRC_CMD_VALIDATE); break;
        case OPT_WATCH: bad = set_command(&cli, HRC_CMD_WATCH); break;
        case OPT_GOTO: cli.goto_id = optarg; break;
        case OPT_RENDER:
            bad = set_command(&cli, HRC_CMD_RENDER);
            cli.render_dir = optarg;
            break;
        case OPT_REVIEW: cli.review = true; break;
        case OPT_EXPORT:
            bad = set_command(&cli, HRC_CMD_EXPORT);
            cli.export_file = optarg;
            break;
        case OPT_IMPORT:
            bad = set_command(&cli, HRC_CMD_IMPORT);
            cli.import_file = optarg;
            break;
        case OPT_SET_PIN: bad = set_command(&cli, HRC_CMD_SET_FACILITATOR_PIN); break;
        case OPT_KIOSK_KEY: bad = set_command(&cli, HRC_CMD_KIOSK_KEY); break;
        case OPT_TRUST_KIOSK:
            bad = set_command(&cli, HRC_CMD_TRUST_KIOSK);
            cli.kiosk_arg = optarg;
            break;
        case OPT_UNTRUST_KIOSK:
            bad = set_command(&cli, HRC_CMD_UNTRUST_KIOSK);
            cli.kiosk_arg = optarg;
            break;
        case OPT_TRUSTED_KIOSKS: bad = set_command(&cli, HRC_CMD_TRUSTED_KIOSKS); break;
        case OPT_SYNC: bad = set_command(&cli, HRC_CMD_SYNC); break;
        case OPT_LRS_CA: cli.lrs_ca = optarg; break;
        case OPT_RETRY_REFUSED: cli.retry_refused = true; break;
        case OPT_IMPORT_CLASS:
            bad = set_command(&cli, HRC_CMD_IMPORT_CLASS);
            cli.class_file = optarg;
            break;
        case OPT_GROUPS: bad = set_command(&cli, HRC_CMD_GROUPS); break;
        case OPT_ITEM_STATS:
            bad = set_command(&cli, HRC_CMD_ITEM_STATS);
            cli.out_path = optarg;
            break;
        case OPT_REPORT:
            bad = set_command(&cli, HRC_CMD_REPORT);
            cli.out_path = optarg;
            break;
        case OPT_CERTIFICATES:
            bad = set_command(&cli, HRC_CMD_CERTIFICATES);
            cli.out_path = optarg;
            break;
        case OPT_VERIFY_CERTIFICATE:
            bad = set_command(&cli, HRC_CMD_VERIFY_CERTIFICATE);
            cli.out_path = optarg;
            break;
        case OPT_GROUP: cli.group = optarg; break;
        case OPT_MODULE: cli.module_id = optarg; break;
        case OPT_PAPER: cli.paper = optarg; break;
        case OPT_TITLE: cli.title = optarg; break;
        case OPT_PRESENT: cli.present = true; break;
        case OPT_DISPLAY: {
            char *end;
            long d = strtol(optarg, &end, 10);
            if (end == optarg || *end || d < 1 || d > 16) {
                fprintf(stderr, _("%s: --display takes a display number, 1 to 16\n"), argv[0]);
                return HRC_EXIT_USAGE;
            }
            cli.display = (int)d;
            break;
        }
        case 'h': help = true; break; /* after --lang, wherever it stands */
        case OPT_VERSION: printf("hrc-player %s\n", HRC_VERSION); return HRC_EXIT_OK;
        default:
            fprintf(stderr, _("Try '%s --help' for more information.\n"), argv[0]);
            return HRC_EXIT_USAGE;
        }
        if (bad)
            return HRC_EXIT_USAGE;
    }
    if (help) {
        print_usage(stdout, argv[0]);
        return HRC_EXIT_OK;
    }
    cli.paths = argv + optind;
    cli.n_paths = argc - optind;
    if (cli.present && cli.command != HRC_CMD_PLAY && cli.command != HRC_CMD_RENDER) {
        fprintf(stderr, _("%s: --present goes with a COURSE to show, or with --render\n"),
                argv[0]);
        return HRC_EXIT_USAGE;
    }
    if (cli.present && cli.kiosk) {
        fprintf(stderr, _("%s: --present cannot go with --kiosk: on a kiosk, presenter mode "
                          "is opened from the facilitator screen\n"),
                argv[0]);
        return HRC_EXIT_USAGE;
    }
    if (cli.retry_refused && cli.command != HRC_CMD_SYNC) {
        fprintf(stderr, _("%s: --retry-refused goes with --sync\n"), argv[0]);
        return HRC_EXIT_USAGE;
    }

    switch (cli.command) {
    case HRC_CMD_VALIDATE:
        if (cli.n_paths == 0) {
            fprintf(stderr, _("%s: --validate needs at least one FILE or DIR\n"), argv[0]);
            return HRC_EXIT_USAGE;
        }
        return hrc_cmd_validate(&cli);
    case HRC_CMD_EXPORT: return hrc_cmd_export(&cli);
    case HRC_CMD_IMPORT: return hrc_cmd_import(&cli);
    case HRC_CMD_SET_FACILITATOR_PIN: return hrc_cmd_set_facilitator_pin(&cli);
    case HRC_CMD_KIOSK_KEY: return hrc_cmd_kiosk_key(&cli);
    case HRC_CMD_TRUST_KIOSK: return hrc_cmd_trust_kiosk(&cli);
    case HRC_CMD_UNTRUST_KIOSK: return hrc_cmd_untrust_kiosk(&cli);
    case HRC_CMD_TRUSTED_KIOSKS: return hrc_cmd_trusted_kiosks(&cli);
    case HRC_CMD_SYNC:
        if (cli.n_paths != 0) {
            fprintf(stderr, _("%s: --sync takes no COURSE\n"), argv[0]);
            return HRC_EXIT_USAGE;
        }
        return hrc_cmd_sync(&cli);
    case HRC_CMD_IMPORT_CLASS: return hrc_cmd_import_class(&cli);
    case HRC_CMD_GROUPS: return hrc_cmd_groups(&cli);
    case HRC_CMD_ITEM_STATS: return hrc_cmd_item_stats(&cli);
    case HRC_CMD_REPORT: return hrc_cmd_report(&cli);
    case HRC_CMD_CERTIFICATES: return hrc_cmd_certificates(&cli);
    case HRC_CMD_VERIFY_CERTIFICATE: return hrc_cmd_verify_certificate(&cli);
    case HRC_CMD_PLAY:
    case HRC_CMD_RENDER:
    case HRC_CMD_WATCH:
        if (cli.n_paths != 1) {
            fprintf(stderr, _("%s: give one COURSE (a folder of modules or a module file)\n"),
                    argv[0]);
            return HRC_EXIT_USAGE;
        }
        return cli.command == HRC_CMD_WATCH ? hrc_cmd_watch(&cli) : hrc_cmd_play(&cli);
    }
    return HRC_EXIT_USAGE;
}
