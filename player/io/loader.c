/*
 * loader.c: the loader's public face. Opens files (size-capped), sets up
 * the load (arena, folders), runs parse + build + checks, and loads whole
 * course folders.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int load_from(const loader_source *src, const char *path,
                     const hrc_load_options *opts, hrc_module **out, hrc_diags *diags);

static size_t max_bytes(const hrc_load_options *opts)
{
    return opts && opts->max_bytes ? opts->max_bytes : HRC_MAX_MODULE_BYTES;
}

static void whole_file_error(hrc_diags *diags, const char *path, const char *fmt,
                             const char *detail)
{
    hrc_diags_add(diags, HRC_ERROR, path, 0, 0, fmt, detail);
}

static long read_fd(void *state, char *buf, size_t cap)
{
    int fd = *(int *)state;
    for (;;) {
        ssize_t n = read(fd, buf, cap);
        if (n >= 0 || errno != EINTR)
            return (long)n;
    }
}

int hrc_module_load(const char *path, const hrc_load_options *opts, hrc_module **out,
                    hrc_diags *diags)
{
    *out = NULL;
    /* O_NONBLOCK: a named pipe must not hold the loader until a writer comes. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        whole_file_error(diags, path, _("cannot open the file: %s"), strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        whole_file_error(diags, path, "%s", _("not a regular file"));
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    /* Checked again while reading, in case the file grows meanwhile. */
    if ((unsigned long long)st.st_size > max_bytes(opts)) {
        hrc_diags_add(diags, HRC_ERROR, path, 0, 0,
                      _("the file is larger than the limit of %zu bytes"), max_bytes(opts));
        close(fd);
        return -1;
    }
    loader_source src = {read_fd, &fd};
    int rc = load_from(&src, path, opts, out, diags);
    close(fd);
    return rc;
}

typedef struct memory_source {
    const char *data;
    size_t size, offset;
} memory_source;

static long read_memory(void *state, char *buf, size_t cap)
{
    memory_source *m = state;
    size_t n = m->size - m->offset < cap ? m->size - m->offset : cap;
    memcpy(buf, m->data + m->offset, n);
    m->offset += n;
    return (long)n;
}

int hrc_module_load_memory(const char *data, size_t size, const char *path,
                           const hrc_load_options *opts, hrc_module **out,
                           hrc_diags *diags)
{
    *out = NULL;
    if (!path)
        path = "<memory>";
    if (size > max_bytes(opts)) {
        hrc_diags_add(diags, HRC_ERROR, path, 0, 0,
                      _("the file is larger than the limit of %zu bytes"), max_bytes(opts));
        return -1;
    }
    memory_source mem = {data, size, 0};
    loader_source src = {read_memory, &mem};
    return load_from(&src, path, opts, out, diags);
}

/* The absolute folder of path, or NULL when it does not exist. */
static char *folder_of(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    char *real = realpath(dirname(copy), NULL);
    free(copy);
    return real;
}

static void ctx_release(loader_ctx *ctx)
{
    free(ctx->positions);
    free(ctx->buf);
    free(ctx->marks);
    free(ctx->items);
    free(ctx->module_dir);
    free(ctx->course_dir);
    loader_idset_free(&ctx->local_ids);
    loader_idset_free(&ctx->lang_tags);
}

static int load_from(const loader_source *src, const char *path,
                     const hrc_load_options *opts, hrc_module **out, hrc_diags *diags)
{
    *out = NULL;
    hrc_arena *arena = hrc_arena_new();
    hrc_module *module = arena ? hrc_arena_alloc(arena, sizeof(*module)) : NULL;
    if (!module) {
        hrc_arena_free(arena);
        whole_file_error(diags, path, "%s", _("out of memory"));
        return -1;
    }
    module->arena = arena;
    loader_ctx ctx = {
        .path = path,
        .diags = diags,
        .errors_at_start = diags->n_errors,
        .arena = arena,
        .module = module,
    };
    loader_idset_init(&ctx.local_ids);
    loader_idset_init(&ctx.lang_tags);
    ctx.module_dir = folder_of(path);
    if (opts && opts->course_dir)
        ctx.course_dir = realpath(opts->course_dir, NULL);
    else if (ctx.module_dir)
        ctx.course_dir = strdup(ctx.module_dir);
    module->path = hrc_arena_strdup(arena, path);
    module->dir = hrc_arena_strdup(arena, ctx.module_dir ? ctx.module_dir : "");
    module->id = module->default_lang = module->licence = "";
    if (!module->path || !module->dir)
        ctx.oom = true;
    if (loader_parse(&ctx, src, max_bytes(opts)) == 0) {
        loader_build_finish(&ctx);
        loader_check_module(&ctx);
    }
    if (ctx.oom)
        whole_file_error(diags, path, "%s", _("out of memory"));
    bool failed = loader_failed(&ctx);
    ctx_release(&ctx);
    if (failed) {
        hrc_arena_free(arena);
        return -1;
    }
    *out = module;
    return 0;
}

/* ---- Courses ---------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_module_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

int hrc_course_list(const char *dir, char ***paths, size_t *count, hrc_diags *diags)
{
    *paths = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        whole_file_error(diags, dir, _("cannot open the folder: %s"), strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_module_name(e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(names, cap * sizeof(*grown));
            if (!grown) {
                rc = -1;
                break;
            }
            names = grown;
        }
        size_t len = strlen(dir);
        bool slash = len > 0 && dir[len - 1] == '/';
        if (asprintf(&names[n], "%s%s%s", dir, slash ? "" : "/", e->d_name) < 0) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc != 0) {
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        whole_file_error(diags, dir, "%s", _("out of memory"));
        return -1;
    }
    if (n)
        qsort(names, n, sizeof(*names), compare_names);
    *paths = names;
    *count = n;
    return 0;
}

void hrc_course_list_free(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}

size_t hrc_course_check_ids(hrc_module *const *modules, size_t n, bool *duplicate,
                            hrc_diags *diags)
{
    loader_idset ids;
    loader_idset_init(&ids);
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        if (duplicate)
            duplicate[i] = false;
        if (!modules[i] || !*modules[i]->id)
            continue;
        hrc_srcpos first;
        /* The index of the first module travels in first.col. */
        hrc_srcpos here = {0, (uint32_t)i};
        if (loader_idset_add(&ids, modules[i]->id, here, &first) == 0) {
            hrc_diags_add(diags, HRC_ERROR, modules[i]->path, modules[i]->pos.line,
                          modules[i]->pos.col,
                          _("module id \"%s\" is already used by %s"), modules[i]->id,
                          modules[first.col]->path);
            if (duplicate)
                duplicate[i] = true;
            found++;
        }
    }
    loader_idset_free(&ids);
    return found;
}

int hrc_course_load(const char *dir, hrc_course **out, hrc_diags *diags)
{
    *out = NULL;
    hrc_course *course = calloc(1, sizeof(*course));
    if (!course) {
        whole_file_error(diags, dir, "%s", _("out of memory"));
        return -1;
    }
    course->dir = realpath(dir, NULL);
    if (!course->dir)
        course->dir = strdup(dir);
    char **paths;
    size_t n;
    if (!course->dir || hrc_course_list(dir, &paths, &n, diags) != 0) {
        hrc_course_free(course);
        return -1;
    }
    int rc = 0;
    if (n == 0) {
        whole_file_error(diags, dir, "%s", _("no modules (*.xml files) in this folder"));
        rc = -1;
    }
    course->modules = n ? calloc(n, sizeof(*course->modules)) : NULL;
    bool *dup = n ? calloc(n, sizeof(*dup)) : NULL;
    if (n && (!course->modules || !dup)) {
        whole_file_error(diags, dir, "%s", _("out of memory"));
        free(dup);
        hrc_course_list_free(paths, n);
        hrc_course_free(course);
        return -1;
    }
    hrc_load_options opts = {.course_dir = course->dir};
    for (size_t i = 0; i < n; i++) {
        hrc_module *m;
        if (hrc_module_load(paths[i], &opts, &m, diags) != 0)
            rc = -1;
        course->modules[course->n_modules++] = m; /* NULL for a failed one, for now */
    }
    if (hrc_course_check_ids(course->modules, course->n_modules, dup, diags))
        rc = -1;
    /* Keep the modules that loaded, minus later duplicates. */
    size_t kept = 0;
    for (size_t i = 0; i < course->n_modules; i++) {
        if (course->modules[i] && dup[i])
            hrc_module_free(course->modules[i]);
        else if (course->modules[i])
            course->modules[kept++] = course->modules[i];
    }
    course->n_modules = kept;
    free(dup);
    hrc_course_list_free(paths, n);
    *out = course;
    return rc;
}

int hrc_course_open(const char *path, hrc_course **out, hrc_diags *diags)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return hrc_course_load(path, out, diags);

    *out = NULL;
    hrc_module *module = NULL;
    if (hrc_module_load(path, NULL, &module, diags))
        return -1;
    hrc_course *course = calloc(1, sizeof *course);
    if (course)
        course->modules = malloc(sizeof *course->modules);
    if (course)
        course->dir = strdup(module->dir);
    if (!course || !course->modules || !course->dir) {
        hrc_module_free(module);
        hrc_course_free(course);
        whole_file_error(diags, path, "%s", _("out of memory"));
        return -1;
    }
    course->modules[0] = module;
    course->n_modules = 1;
    *out = course;
    return 0;
}
