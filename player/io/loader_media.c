/*
 * loader_media.c: image references. A path is relative to the module's
 * folder, never absolute, never with "..", must resolve (symbolic links
 * included) to a regular file inside the course folder, and must start
 * with the PNG or JPEG signature.
 */
#include "io/loader_internal.h"

#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool has_dotdot(const char *path)
{
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, "/\\");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return true;
        p += n;
        if (*p)
            p++;
    }
    return false;
}

static bool inside(const char *dir, const char *path)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/')
        return path[0] == '/';
    return strncmp(dir, path, n) == 0 && path[n] == '/';
}

enum image_type { IMAGE_UNKNOWN, IMAGE_PNG, IMAGE_JPEG, IMAGE_UNREADABLE };

static enum image_type sniff(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK); /* no FIFO waits */
    if (fd < 0)
        return IMAGE_UNREADABLE;
    struct stat st;
    unsigned char head[8] = {0};
    enum image_type type = IMAGE_UNREADABLE;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        ssize_t n = read(fd, head, sizeof(head));
        static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (n == 8 && memcmp(head, png, 8) == 0)
            type = IMAGE_PNG;
        else if (n >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff)
            type = IMAGE_JPEG;
        else
            type = n >= 0 ? IMAGE_UNKNOWN : IMAGE_UNREADABLE;
    }
    close(fd);
    return type;
}

void loader_check_image(loader_ctx *ctx, hrc_image *img)
{
    const char *src = img->src;
    if (!*src) {
        loader_error(ctx, img->pos, _("image src is empty"));
        return;
    }
    if (src[0] == '/' || src[0] == '\\') {
        loader_error(ctx, img->pos, _("image \"%s\" has an absolute path: give it relative "
                     "to the module's folder"), src);
        return;
    }
    if (has_dotdot(src)) {
        loader_error(ctx, img->pos, _("image \"%s\" must not contain \"..\": keep images "
                     "inside the course folder"), src);
        return;
    }
    if (!ctx->module_dir || !ctx->course_dir) {
        loader_error(ctx, img->pos, _("image \"%s\" cannot be checked: the module's folder "
                     "is unknown"), src);
        return;
    }
    char *joined = NULL;
    if (asprintf(&joined, "%s/%s", ctx->module_dir, src) < 0) {
        ctx->oom = true;
        return;
    }
    char *real = realpath(joined, NULL);
    int err = errno;
    free(joined);
    if (!real) {
        loader_error(ctx, img->pos, _("image \"%s\" %s"), src,
                     err == ENOENT || err == ENOTDIR ? "does not exist" : strerror(err));
        return;
    }
    if (!inside(ctx->course_dir, real)) {
        loader_error(ctx, img->pos, _("image \"%s\" leads outside the course folder "
                     "(through a symbolic link)"), src);
    } else {
        switch (sniff(real)) {
        case IMAGE_PNG:
        case IMAGE_JPEG:
            img->resolved = hrc_arena_strdup(ctx->arena, real);
            if (!img->resolved)
                ctx->oom = true;
            break;
        case IMAGE_UNKNOWN:
            loader_error(ctx, img->pos, _("image \"%s\" is neither PNG nor JPEG"), src);
            break;
        case IMAGE_UNREADABLE:
            loader_error(ctx, img->pos, _("image \"%s\" is not a readable file"), src);
            break;
        }
    }
    free(real);
}
