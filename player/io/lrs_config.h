/*
 * lrs_config.h: where the kiosk's learning record store is, and how to
 * talk to it.
 *
 * The file is the first found of
 *   $XDG_CONFIG_HOME/hrc-player/lrs.conf  (without XDG_CONFIG_HOME:
 *                                          ~/.config/hrc-player/lrs.conf)
 *   /etc/hrc-player/lrs.conf
 * in a `key = value` format, one setting a line, `#` starting a comment
 * line, blank lines ignored, spaces around key and value trimmed; the value
 * is the rest of the line (it may hold `=` and `#`):
 *
 *   endpoint = https://lrs.example.org/data/xAPI   (POST {endpoint}/statements)
 *   key      = the LRS client's key (HTTP Basic user)
 *   secret   = the LRS client's secret (HTTP Basic password)
 *   ca       = /etc/hrc-player/lrs-ca.pem   (a private certificate authority)
 *   batch    = 100    statements per request, 1 to 2000
 *   timeout  = 30     seconds a request may take, 1 to 600
 *   tries    = 5      tries of one request before giving up, 1 to 20
 *   interval = 300    seconds between background syncs while playing, 10 to 86400
 *
 * Promises:
 * - The file holds a secret: it is opened with O_NOFOLLOW (a symbolic link
 *   is refused) and refused when it is not a regular file, is readable or
 *   writable by its group or others (chmod 600 it), or is owned by someone
 *   other than the user running the player or root.
 * - HRC_LRS_ENDPOINT, HRC_LRS_USER and HRC_LRS_PASSWORD override the file's
 *   endpoint, key and secret; the endpoint alone is enough to be
 *   configured.
 * - Nothing is printed; messages are translated (call from the main
 *   thread). The secret is wiped by hrc_lrs_config_clear().
 */
#ifndef HRC_LRS_CONFIG_H
#define HRC_LRS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#define HRC_LRS_TEXT_MAX 1024
#define HRC_LRS_PATH_MAX 4096

typedef struct hrc_lrs_config {
    char endpoint[HRC_LRS_TEXT_MAX]; /* without a trailing '/' */
    char user[HRC_LRS_TEXT_MAX];
    char password[HRC_LRS_TEXT_MAX];
    char ca_file[HRC_LRS_PATH_MAX];  /* "" : the system's authorities */
    int batch;
    int timeout_s;
    int tries;
    int interval_s;
    char source[HRC_LRS_PATH_MAX];   /* the file read; "" when none */
} hrc_lrs_config;

enum {
    HRC_LRS_DEFAULT_BATCH = 100,
    HRC_LRS_DEFAULT_TIMEOUT_S = 30,
    HRC_LRS_DEFAULT_TRIES = 5,
    HRC_LRS_DEFAULT_INTERVAL_S = 300,
};

typedef enum hrc_lrs_config_result {
    HRC_LRS_CONFIG_OK = 0,
    HRC_LRS_CONFIG_NONE,  /* no file and no HRC_LRS_ENDPOINT: sync is off */
    HRC_LRS_CONFIG_ERROR, /* a file or value that cannot be used: see err */
} hrc_lrs_config_result;

/* Defaults, no endpoint. */
void hrc_lrs_config_init(hrc_lrs_config *cfg);
/* Wipes the secret and everything else. */
void hrc_lrs_config_clear(hrc_lrs_config *cfg);

/*
 * Reads the first file found of the list above, then the environment.
 * Returns hrc_lrs_config_result; on HRC_LRS_CONFIG_ERROR err says what and
 * where, in one line.
 */
int hrc_lrs_config_load(hrc_lrs_config *cfg, char *err, size_t err_size);

/* The same with an explicit list of files, first found wins (for tests).
 * paths ends with NULL. */
int hrc_lrs_config_load_from(hrc_lrs_config *cfg, const char *const *paths, char *err,
                             size_t err_size);

/* Reads one file into cfg (no environment). HRC_LRS_CONFIG_NONE when it
 * does not exist. */
int hrc_lrs_config_read_file(hrc_lrs_config *cfg, const char *path, char *err,
                             size_t err_size);

/* Sets the endpoint, checking it is an http:// or https:// URL; drops
 * trailing slashes. false (with err) otherwise. */
bool hrc_lrs_config_set_endpoint(hrc_lrs_config *cfg, const char *url, char *err,
                                 size_t err_size);

#endif
