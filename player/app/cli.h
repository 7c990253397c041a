/*
 * cli.h: the parsed command line, and the commands it dispatches to.
 * Each command lives in its own app/cmd_*.c and returns the exit status.
 */
#ifndef HRC_CLI_H
#define HRC_CLI_H

#include <stdbool.h>
#include <stdint.h>

struct hrc_progress;
struct hrc_progress_open_info;

enum { HRC_EXIT_OK = 0, HRC_EXIT_FAILURE = 1, HRC_EXIT_USAGE = 2 };

typedef enum hrc_command {
    HRC_CMD_PLAY, /* the default: play a course in a window */
    HRC_CMD_VALIDATE,
    HRC_CMD_RENDER,
    HRC_CMD_WATCH,
    HRC_CMD_EXPORT,
    HRC_CMD_IMPORT,
    HRC_CMD_SET_FACILITATOR_PIN,
    HRC_CMD_KIOSK_KEY,
    HRC_CMD_TRUST_KIOSK,
    HRC_CMD_UNTRUST_KIOSK,
    HRC_CMD_TRUSTED_KIOSKS,
    HRC_CMD_SYNC,
    HRC_CMD_IMPORT_CLASS,
    HRC_CMD_GROUPS,
    HRC_CMD_ITEM_STATS,
    HRC_CMD_REPORT,
    HRC_CMD_CERTIFICATES,
    HRC_CMD_VERIFY_CERTIFICATE,
} hrc_command;

typedef struct hrc_cli {
    hrc_command command;
    const char *argv0;
    char **paths; /* the positional arguments: files, folders or a course */
    int n_paths;

    const char *lang;        /* --lang: "fr", "en", "es"; NULL: from the locale */
    const char *data_dir;    /* --data-dir; NULL: $XDG_DATA_HOME/hrc-player */
    const char *render_dir;  /* --render DIR */
    const char *export_file; /* --export FILE.csv|FILE.json */
    const char *import_file; /* --import FILE.json */
    const char *kiosk_arg;   /* --trust-kiosk KEY or FILE, --untrust-kiosk FINGERPRINT */
    const char *goto_id;     /* --goto ID */
    const char *lrs_ca;      /* --lrs-ca FILE: the LRS's private authority */
    const char *class_file;  /* --import-class FILE.csv */
    const char *out_path;    /* --item-stats FILE.csv, --report FILE.pdf, --certificates DIR,
                              * --verify-certificate FILE.pdf */
    const char *group;       /* --group NAME */
    const char *module_id;   /* --module ID (certificates) */
    const char *paper;       /* --paper a4|letter */
    const char *title;       /* --title TEXT (the course's, on paper) */
    int width, height;       /* --size WxH; 0: default */
    bool kiosk;
    bool show_learners;      /* --show-learners: sign-in lists every learner */
    int idle_timeout_s;      /* --idle-timeout; 0: default */
    bool review;             /* --review, with --render */
    bool speech;             /* --speech on: spoken guidance from the start;
                                with --render: what each screen says, too */
    bool exit_after_first_frame;
    bool retry_refused;      /* --retry-refused, with --sync */
    bool present;            /* --present: presenter mode (also with --render) */
    int display;             /* --display N: 1 for the first; 0: automatic */
} hrc_cli;

int hrc_cmd_validate(const hrc_cli *cli);
int hrc_cmd_play(const hrc_cli *cli); /* also --render */
int hrc_cmd_watch(const hrc_cli *cli);
int hrc_cmd_export(const hrc_cli *cli);
int hrc_cmd_import(const hrc_cli *cli);
int hrc_cmd_set_facilitator_pin(const hrc_cli *cli);
int hrc_cmd_kiosk_key(const hrc_cli *cli);
int hrc_cmd_trust_kiosk(const hrc_cli *cli);
int hrc_cmd_untrust_kiosk(const hrc_cli *cli);
int hrc_cmd_trusted_kiosks(const hrc_cli *cli);
int hrc_cmd_import_class(const hrc_cli *cli);
int hrc_cmd_groups(const hrc_cli *cli);
int hrc_cmd_item_stats(const hrc_cli *cli);
int hrc_cmd_report(const hrc_cli *cli);
int hrc_cmd_certificates(const hrc_cli *cli);
/* Exit 0: genuine, from this kiosk or a trusted one; 3: whole and signed,
 * but by a kiosk this machine does not trust; 1: changed, not a
 * certificate, or unreadable. */
int hrc_cmd_verify_certificate(const hrc_cli *cli);
enum { HRC_EXIT_UNTRUSTED = 3 };

/*
 * The progress store's open flags every command uses: with the environment
 * variable HRC_FAST_PIN_HASH=1 (tests only: the suite runs under a
 * sanitizer), PIN hashes are made at libsodium's minimum cost.
 */
unsigned hrc_cli_store_flags(void);
/* How a command uses the progress store. */
typedef enum hrc_store_use {
    STORE_READ,  /* --export, --report: read-only, must exist */
    STORE_WRITE, /* created as needed */
    STORE_SHOW,  /* --kiosk-key: written when possible, else read */
} hrc_store_use;
/* Opens the store for a command, unlocked for facilitator functions (the
 * machine's owner runs it), printing why when it cannot (NULL then). */
struct hrc_progress *hrc_cli_open_store(const hrc_cli *cli, hrc_store_use use);

/* --group NAME as the store's group id (HRC_GROUP_ALL without --group);
 * -1 after saying that no group has that name. */
int hrc_cli_group(const hrc_cli *cli, struct hrc_progress *s, int64_t *group);

/* Prints to stderr, in the interface language, that the store's folder or
 * files were readable by others (made private, or not: info->status). */
void hrc_cli_store_warning(const hrc_cli *cli, const struct hrc_progress_open_info *info);
int hrc_cmd_sync(const hrc_cli *cli); /* --sync: app/cmd_sync.c */

/* --render --kiosk: fills the new store in dir with a class that took the
 * course (app/render_class.c), for the pictures of the trainer's screens.
 * 0, or -1 when the store would not take it. */
struct hrc_course;
int hrc_render_class_seed(const char *dir, const struct hrc_course *course);

/* The LRS configuration (io/lrs_config.h) with --lrs-ca applied. Prints
 * why and returns false when it is refused; *configured is false (and
 * nothing printed) when there is none. */
struct hrc_lrs_config;
bool hrc_cli_lrs_config(const hrc_cli *cli, struct hrc_lrs_config *cfg, bool *configured);

#endif
