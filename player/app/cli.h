/*
 * cli.h: the parsed command line, and the commands it dispatches to.
 * Each command lives in its own app/cmd_*.c and returns the exit status.
 */
#ifndef HRC_CLI_H
#define HRC_CLI_H

#include <stdbool.h>

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
    int width, height;       /* --size WxH; 0: default */
    bool kiosk;
    bool show_learners;      /* --show-learners: sign-in lists every learner */
    int idle_timeout_s;      /* --idle-timeout; 0: default */
    bool review;             /* --review, with --render */
    bool speech;             /* --speech on: spoken guidance from the start;
                                with --render: what each screen says, too */
    bool exit_after_first_frame;
    bool retry_refused;      /* --retry-refused, with --sync */
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

/*
 * The progress store's open flags every command uses: with the environment
 * variable HRC_FAST_PIN_HASH=1 (tests only: the suite runs under a
 * sanitizer), PIN hashes are made at libsodium's minimum cost.
 */
unsigned hrc_cli_store_flags(void);
/* Prints to stderr, in the interface language, that the store's folder or
 * files were readable by others (made private, or not: info->status). */
void hrc_cli_store_warning(const hrc_cli *cli, const struct hrc_progress_open_info *info);
int hrc_cmd_sync(const hrc_cli *cli); /* --sync: app/cmd_sync.c */

/* The LRS configuration (io/lrs_config.h) with --lrs-ca applied. Prints
 * why and returns false when it is refused; *configured is false (and
 * nothing printed) when there is none. */
struct hrc_lrs_config;
bool hrc_cli_lrs_config(const hrc_cli *cli, struct hrc_lrs_config *cfg, bool *configured);

#endif
