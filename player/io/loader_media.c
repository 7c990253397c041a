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

static uint32_t be16(const unsigned char *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A JPEG's size, from its first start-of-frame segment; false if none is
 * found in the first bytes (the screens then ask the back end). */
static bool jpeg_size(const unsigned char *buf, size_t n, int *w, int *h)
{
    size_t i = 2;
    while (i + 9 < n) {
        if (buf[i] != 0xff) {
            i++;
            continue;
        }
        unsigned marker = buf[i + 1];
        if (marker == 0xff) {
            i++;
            continue;
        }
        if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            i += 2; /* no length */
            continue;
        }
        uint32_t len = be16(buf + i + 2);
        bool sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
                   marker != 0xcc;
        if (sof) {
            *h = (int)be16(buf + i + 5);
            *w = (int)be16(buf + i + 7);
            return *w > 0 && *h > 0;
        }
        if (len < 2)
            return false;
        i += 2 + len;
    }
    return false;
}

/* The file's type and, when its header says so, its size in pixels. */
static enum image_type sniff(const char *path, int *w, int *h)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK); /* no FIFO waits */
    if (fd < 0)
        return IMAGE_UNREADABLE;
    struct stat st;
    enum { HEAD = 1024 * 1024 }; /* JPEG metadata (EXIF, ICC) comes before the size */
    unsigned char *head = malloc(HEAD);
    enum image_type type = IMAGE_UNREADABLE;
    if (head && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        ssize_t n = 0, got;
        while (n < HEAD && (got = read(fd, head + n, HEAD - (size_t)n)) > 0)
            n += got;
        static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (n >= 8 && memcmp(head, png, 8) == 0) {
            type = IMAGE_PNG;
            if (n >= 24 && memcmp(head + 12, "IHDR", 4) == 0 && be32(head + 16) <= INT_MAX &&
                be32(head + 20) <= INT_MAX) {
                *w = (int)be32(head + 16);
                *h = (int)be32(head + 20);
            }
        } else if (n >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff) {
            type = IMAGE_JPEG;
            if (!jpeg_size(head, (size_t)n, w, h))
                *w = *h = 0;
        } else {
            type = n >= 0 ? IMAGE_UNKNOWN : IMAGE_UNREADABLE;
        }
    }
    free(head);
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
        switch (sniff(real, &img->width, &img->height)) {
        case IMAGE_PNG:
        case IMAGE_JPEG:
            if (img->width <= 0 || img->height <= 0) {
                loader_error(ctx, img->pos, _("image \"%s\" does not say its size in its "
                             "first megabyte: is it damaged?"), src);
                break;
            }
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
