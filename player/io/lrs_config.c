/*
 * lrs_config.c: reading lrs.conf and the HRC_LRS_* environment
 * (lrs_config.h).
 */
#include "io/lrs_config.h"

#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_MAX (64 * 1024)
#define SYSTEM_FILE "/etc/hrc-player/lrs.conf"

void hrc_lrs_config_init(hrc_lrs_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->batch = HRC_LRS_DEFAULT_BATCH;
    cfg->timeout_s = HRC_LRS_DEFAULT_TIMEOUT_S;
    cfg->tries = HRC_LRS_DEFAULT_TRIES;
    cfg->interval_s = HRC_LRS_DEFAULT_INTERVAL_S;
}

void hrc_lrs_config_clear(hrc_lrs_config *cfg)
{
    explicit_bzero(cfg, sizeof *cfg);
}

bool hrc_lrs_config_set_endpoint(hrc_lrs_config *cfg, const char *url, char *err,
                                 size_t err_size)
{
    size_t len = strlen(url);
    while (len > 0 && url[len - 1] == '/')
        len--;
    bool http = strncasecmp(url, "http://", 7) == 0, https = strncasecmp(url, "https://", 8) == 0;
    size_t scheme = https ? 8 : 7;
    if ((!http && !https) || len <= scheme) {
        snprintf(err, err_size, _("the endpoint must be an http:// or https:// address, "
                                  "such as https://lrs.example.org/xAPI"));
        return false;
    }
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f) {
            snprintf(err, err_size, _("the endpoint must not hold spaces or control "
                                      "characters"));
            return false;
        }
    if (len >= sizeof cfg->endpoint) {
        snprintf(err, err_size, _("the endpoint is too long"));
        return false;
    }
    memcpy(cfg->endpoint, url, len);
    cfg->endpoint[len] = '\0';
    return true;
}

static bool copy_value(char *dst, size_t size, const char *value)
{
    size_t len = strlen(value);
    if (len >= size)
        return false;
    memcpy(dst, value, len + 1);
    return true;
}

static bool parse_int(const char *value, int min, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (end == value || *end || errno || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* One `key = value` line. false with err (without the place) otherwise. */
static bool apply_line(hrc_lrs_config *cfg, char *line, char *err, size_t err_size)
{
    char *eq = strchr(line, '=');
    if (!eq) {
        snprintf(err, err_size, _("expected key = value"));
        return false;
    }
    *eq = '\0';
    char *key = trim(line), *value = trim(eq + 1);
    struct {
        const char *name;
        int min, max;
        int *slot;
    } numbers[] = {
        {"batch", 1, 2000, &cfg->batch},
        {"timeout", 1, 600, &cfg->timeout_s},
        {"tries", 1, 20, &cfg->tries},
        {"interval", 10, 86400, &cfg->interval_s},
    };
    if (strcmp(key, "endpoint") == 0)
        return hrc_lrs_config_set_endpoint(cfg, value, err, err_size);
    char *text = strcmp(key, "key") == 0      ? cfg->user
                 : strcmp(key, "secret") == 0 ? cfg->password
                 : strcmp(key, "ca") == 0     ? cfg->ca_file
                                              : NULL;
    if (text) {
        size_t size = text == cfg->ca_file ? sizeof cfg->ca_file : sizeof cfg->user;
        if (!copy_value(text, size, value)) {
            snprintf(err, err_size, _("the value of %s is too long"), key);
            return false;
        }
        return true;
    }
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
        if (strcmp(key, numbers[i].name) == 0) {
            if (!parse_int(value, numbers[i].min, numbers[i].max, numbers[i].slot)) {
                snprintf(err, err_size, _("%s takes a whole number from %d to %d"), key,
                         numbers[i].min, numbers[i].max);
                return false;
            }
            return true;
        }
    snprintf(err, err_size,
             _("unknown setting \"%.40s\" (known: endpoint, key, secret, ca, batch, timeout, "
               "tries, interval)"),
             key);
    return false;
}

/* Opens path for reading if it is safe to take a secret from. -1 with err
 * otherwise; -2 when it does not exist. */
static int open_private(const char *path, char *err, size_t err_size)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return -2;
        if (errno == ELOOP)
            snprintf(err, err_size, _("%s is a symbolic link: refused, since it holds a "
                                      "secret; put the file itself there"),
                     path);
        else
            snprintf(err, err_size, _("cannot read %s: %s"), path, strerror(errno));
        return -1;
    }
    struct stat st;
    const char *problem = NULL;
    if (fstat(fd, &st) != 0)
        problem = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        problem = _("not a regular file");
    else if (st.st_mode & (S_IRWXG | S_IRWXO))
        problem = _("other users may read or change it, and it holds the LRS secret: make "
                    "it private with chmod 600");
    else if (st.st_uid != geteuid() && st.st_uid != 0)
        problem = _("it belongs to another user: it must belong to the user running the "
                    "player, or to root");
    else if (st.st_size > FILE_MAX)
        problem = _("larger than 64 KiB");
    if (problem) {
        snprintf(err, err_size, _("%s is refused: %s"), path, problem);
        close(fd);
        return -1;
    }
    return fd;
}

int hrc_lrs_config_read_file(hrc_lrs_config *cfg, const char *path, char *err,
                             size_t err_size)
{
    int fd = open_private(path, err, err_size);
    if (fd == -2)
        return HRC_LRS_CONFIG_NONE;
    if (fd < 0)
        return HRC_LRS_CONFIG_ERROR;
    char *text = malloc(FILE_MAX + 1);
    if (!text) {
        close(fd);
        snprintf(err, err_size, _("out of memory"));
        return HRC_LRS_CONFIG_ERROR;
    }
    size_t len = 0;
    ssize_t got;
    while (len < FILE_MAX && (got = read(fd, text + len, FILE_MAX - len)) != 0) {
        if (got < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, err_size, _("cannot read %s: %s"), path, strerror(errno));
            close(fd);
            explicit_bzero(text, FILE_MAX + 1);
            free(text);
            return HRC_LRS_CONFIG_ERROR;
        }
        len += (size_t)got;
    }
    close(fd);
    text[len] = '\0';
    int result = HRC_LRS_CONFIG_OK;
    int line_no = 0;
    for (char *line = text, *next; line && result == HRC_LRS_CONFIG_OK; line = next) {
        line_no++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strlen(line) != (size_t)((next ? next - 1 : text + len) - line)) {
            snprintf(err, err_size, _("%s:%d: a NUL byte: not a text file"), path, line_no);
            result = HRC_LRS_CONFIG_ERROR;
            break;
        }
        char *t = trim(line);
        if (*t == '\0' || *t == '#')
            continue;
        char why[512];
        if (!apply_line(cfg, t, why, sizeof why)) {
            snprintf(err, err_size, "%s:%d: %s", path, line_no, why);
            result = HRC_LRS_CONFIG_ERROR;
        }
    }
    explicit_bzero(text, FILE_MAX + 1);
    free(text);
    if (result == HRC_LRS_CONFIG_OK)
        snprintf(cfg->source, sizeof cfg->source, "%s", path);
    return result;
}

/* HRC_LRS_* over what the file said. */
static int apply_environment(hrc_lrs_config *cfg, char *err, size_t err_size)
{
    const char *endpoint = getenv("HRC_LRS_ENDPOINT");
    const char *user = getenv("HRC_LRS_USER");
    const char *password = getenv("HRC_LRS_PASSWORD");
    if (endpoint && *endpoint) {
        char why[256];
        if (!hrc_lrs_config_set_endpoint(cfg, endpoint, why, sizeof why)) {
            snprintf(err, err_size, "HRC_LRS_ENDPOINT: %s", why);
            return HRC_LRS_CONFIG_ERROR;
        }
    }
    if ((user && !copy_value(cfg->user, sizeof cfg->user, user)) ||
        (password && !copy_value(cfg->password, sizeof cfg->password, password))) {
        snprintf(err, err_size, _("HRC_LRS_USER or HRC_LRS_PASSWORD is too long"));
        return HRC_LRS_CONFIG_ERROR;
    }
    return HRC_LRS_CONFIG_OK;
}

int hrc_lrs_config_load_from(hrc_lrs_config *cfg, const char *const *paths, char *err,
                             size_t err_size)
{
    hrc_lrs_config_init(cfg);
    if (err_size)
        err[0] = '\0';
    for (size_t i = 0; paths && paths[i]; i++) {
        int r = hrc_lrs_config_read_file(cfg, paths[i], err, err_size);
        if (r == HRC_LRS_CONFIG_ERROR) {
            hrc_lrs_config_clear(cfg);
            hrc_lrs_config_init(cfg);
            return r;
        }
        if (r == HRC_LRS_CONFIG_OK)
            break;
    }
    int r = apply_environment(cfg, err, err_size);
    if (r)
        return r;
    if (!cfg->endpoint[0]) {
        if (cfg->source[0]) {
            snprintf(err, err_size, _("%s: no endpoint"), cfg->source);
            return HRC_LRS_CONFIG_ERROR;
        }
        return HRC_LRS_CONFIG_NONE;
    }
    return HRC_LRS_CONFIG_OK;
}

int hrc_lrs_config_load(hrc_lrs_config *cfg, char *err, size_t err_size)
{
    char user_file[HRC_LRS_PATH_MAX] = "";
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        snprintf(user_file, sizeof user_file, "%s/hrc-player/lrs.conf", xdg);
    else if (home && *home == '/')
        snprintf(user_file, sizeof user_file, "%s/.config/hrc-player/lrs.conf", home);
    const char *paths[] = {user_file[0] ? user_file : NULL, SYSTEM_FILE, NULL};
    return hrc_lrs_config_load_from(cfg, user_file[0] ? paths : paths + 1, err, err_size);
}
