/*
 * cmd_validate.c: hrc-player --validate FILE|DIR...
 *
 * Checks modules the way the player loads them and prints every problem on
 * stderr in the GCC form "file:line:col: error: message", then one summary
 * line on stdout. A folder stands for its *.xml files (not its subfolders),
 * which also must not share a module id. Needs no display.
 * Exit status: 0 when every file is valid (warnings allowed), 1 otherwise.
 */
#include "app/cli.h"
#include "core/i18n.h"
#include "io/loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

typedef struct tally {
    size_t files, valid, invalid, errors, warnings;
    bool failed; /* something wrong that is not a file, such as an empty folder */
} tally;

static void flush_diags(hrc_diags *d, tally *t)
{
    hrc_diags_sort(d);
    for (size_t i = 0; i < d->count; i++)
        hrc_diag_format(&d->items[i], stderr);
    if (d->truncated)
        fprintf(stderr, _("(%zu more problems not shown)\n"),
                d->n_errors + d->n_warnings - d->count);
    t->errors += d->n_errors;
    t->warnings += d->n_warnings;
    hrc_diags_clear(d);
}

/* Loads one file; returns the module when valid (caller frees). */
static hrc_module *check_file(const char *path, const char *course_dir, tally *t)
{
    hrc_diags d;
    hrc_diags_init(&d);
    hrc_load_options opts = {.course_dir = course_dir};
    hrc_module *m = NULL;
    int rc = hrc_module_load(path, &opts, &m, &d);
    flush_diags(&d, t);
    t->files++;
    if (rc == 0)
        t->valid++;
    else
        t->invalid++;
    return m;
}

static void check_folder(const char *dir, tally *t)
{
    hrc_diags d;
    hrc_diags_init(&d);
    char **paths;
    size_t n;
    if (hrc_course_list(dir, &paths, &n, &d) != 0) {
        flush_diags(&d, t);
        t->files++;
        t->invalid++;
        return;
    }
    if (n == 0) {
        hrc_diags_add(&d, HRC_ERROR, dir, 0, 0, _("no modules (*.xml files) in this folder"));
        flush_diags(&d, t);
        t->failed = true;
        return;
    }
    hrc_module **modules = calloc(n, sizeof(*modules));
    bool *dup = calloc(n, sizeof(*dup));
    for (size_t i = 0; i < n; i++) {
        hrc_module *m = check_file(paths[i], dir, t);
        if (modules)
            modules[i] = m;
        else
            hrc_module_free(m);
    }
    if (modules && dup) {
        hrc_course_check_ids(modules, n, dup, &d);
        flush_diags(&d, t);
        for (size_t i = 0; i < n; i++)
            if (dup[i]) { /* it loaded on its own, but not within its course */
                t->valid--;
                t->invalid++;
            }
    }
    for (size_t i = 0; modules && i < n; i++)
        hrc_module_free(modules[i]);
    free(modules);
    free(dup);
    hrc_course_list_free(paths, n);
}

int hrc_cmd_validate(const hrc_cli *cli)
{
    tally t = {0};
    for (int i = 0; i < cli->n_paths; i++) {
        const char *path = cli->paths[i];
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            check_folder(path, &t);
        else
            hrc_module_free(check_file(path, NULL, &t));
    }
    fflush(stderr);
    /* TRANSLATORS: the summary of --validate, such as
       "3 files checked: 2 valid, 1 invalid, 4 errors, 1 warning". */
    printf(ngettext("%zu file checked", "%zu files checked", t.files), t.files);
    printf(_(": %zu valid, %zu invalid, "), t.valid, t.invalid);
    printf(ngettext("%zu error", "%zu errors", t.errors), t.errors);
    printf(", ");
    printf(ngettext("%zu warning", "%zu warnings", t.warnings), t.warnings);
    printf("\n");
    hrc_loader_cleanup();
    return t.invalid || t.failed ? HRC_EXIT_FAILURE : HRC_EXIT_OK;
}
