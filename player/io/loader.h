/*
 * loader.h: reading course modules from XML, safely.
 *
 * Modules are untrusted. The loader reads the file itself, in slices, with
 * a size cap; parses it with no network, no DTD (a DOCTYPE is an error),
 * no entity substitution and no XInclude; validates each top-level element
 * against the built-in RELAX NG schema as soon as it ends, builds the
 * model from it and frees it, so memory follows the model, not the file;
 * then runs the semantic checks of docs/format-v1.md. Every problem is
 * collected into `diags` as file:line:col (columns count characters);
 * nothing is printed. Messages are translated (gettext), except the few
 * that come from libxml2 itself.
 */
#ifndef HRC_LOADER_H
#define HRC_LOADER_H

#include "core/diag.h"
#include "core/model.h"

#define HRC_MAX_MODULE_BYTES (64u * 1024u * 1024u)

typedef struct hrc_load_options {
    size_t max_bytes;       /* 0: HRC_MAX_MODULE_BYTES */
    const char *course_dir; /* media must stay inside it; NULL: the module's folder */
} hrc_load_options;

/*
 * Loads one module file. On success returns 0 and sets *out (free with
 * hrc_module_free); warnings may still be added to diags. On failure
 * returns -1, *out is NULL and diags holds at least one error.
 */
int hrc_module_load(const char *path, const hrc_load_options *opts,
                    hrc_module **out, hrc_diags *diags);

/* The same from a buffer already in memory; `path` names it in messages
 * and its folder anchors media paths. */
int hrc_module_load_memory(const char *data, size_t size, const char *path,
                           const hrc_load_options *opts, hrc_module **out,
                           hrc_diags *diags);

/*
 * Loads every *.xml module of a folder, sorted by file name, and checks
 * that module ids are unique across it. Returns 0 when
 * every module loaded; -1 otherwise (the valid ones are still in *out).
 */
int hrc_course_load(const char *dir, hrc_course **out, hrc_diags *diags);

/* What the player opens: a folder of modules (hrc_course_load), or a
 * single module file as a one-module course. Same results. */
int hrc_course_open(const char *path, hrc_course **out, hrc_diags *diags);

/* The *.xml files of a folder (not its subfolders), sorted by name, as
 * "dir/name" paths. Free with hrc_course_list_free(). */
int hrc_course_list(const char *dir, char ***paths, size_t *count, hrc_diags *diags);
void hrc_course_list_free(char **paths, size_t count);

/* Reports every module whose id an earlier module already uses (NULL
 * entries are skipped); duplicate[i], when not NULL, tells which.
 * Returns how many were found. */
size_t hrc_course_check_ids(hrc_module *const *modules, size_t n, bool *duplicate,
                            hrc_diags *diags);

/* Frees the compiled schema and libxml2's global state. Registered with
 * atexit() on first use; calling it earlier is fine (the next load sets
 * everything up again). */
void hrc_loader_cleanup(void);

#endif
