/*
 * paper_doc.c: pages drawn with cairo and Pango, numbered once the last one
 * is known, made into a PDF in memory and written privately.
 *
 * Each page is first drawn on a cairo recording surface; paper_finish()
 * replays them onto the PDF surface (as vectors and text, so that the text
 * can be searched and copied) with "Page N of M" at the foot.
 */
#include "io/paper_internal.h"

#include "core/dates.h"
#include "core/i18n.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FONT_FAMILY "DejaVu Sans"
#define MM (72.0 / 25.4)

/* ---- Paper sizes ------------------------------------------------------------ */

hrc_paper_size hrc_paper_from_locale(void)
{
#ifdef _NL_PAPER_WIDTH
    /* glibc: the width in millimetres of the locale's paper. */
    locale_t loc = newlocale(LC_PAPER_MASK, "", (locale_t)0);
    if (loc) {
        /* The value is the number itself, in the pointer's place. */
        unsigned width = (unsigned)(uintptr_t)nl_langinfo_l(_NL_PAPER_WIDTH, loc);
        freelocale(loc);
        if (width == 216)
            return HRC_PAPER_LETTER;
    }
#endif
    return HRC_PAPER_A4;
}

bool hrc_paper_parse(const char *text, hrc_paper_size *out)
{
    if (text && strcasecmp(text, "a4") == 0)
        *out = HRC_PAPER_A4;
    else if (text && (strcasecmp(text, "letter") == 0 || strcasecmp(text, "us-letter") == 0))
        *out = HRC_PAPER_LETTER;
    else
        return false;
    return true;
}

void hrc_paper_course_title(const hrc_course *course, const char *title, char *out, size_t size)
{
    if (title && *title) {
        snprintf(out, size, "%s", title);
        return;
    }
    const char *dir = course && course->dir ? course->dir : "";
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    const char *base = dir;
    for (size_t i = 0; i < len; i++)
        if (dir[i] == '/')
            base = dir + i + 1;
    size_t n = (size_t)(dir + len - base);
    if (n == 0 && course && course->n_modules) {
        snprintf(out, size, "%s", course->modules[0]->id);
        return;
    }
    snprintf(out, size, "%.*s", (int)n, base);
    for (char *p = out; *p; p++)
        if (*p == '-' || *p == '_')
            *p = ' ';
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
}

/* ---- The document ------------------------------------------------------------ */

/* Pango, cairo and fontconfig keep fonts for the whole process; at its end
 * they are given back (in this order: each holds on to the next), so that
 * leak checkers see only the player's own memory. */
static void release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
}

int paper_open(paper_doc *d, hrc_paper_size size, bool landscape, const char *fonts_dir,
               char *err, size_t err_size)
{
    static bool registered;
    if (!registered) {
        registered = true;
        atexit(release_fonts);
    }
    memset(d, 0, sizeof *d);
    if (size == HRC_PAPER_DEFAULT)
        size = hrc_paper_from_locale();
    double w = size == HRC_PAPER_LETTER ? 612 : 210 * MM;
    double h = size == HRC_PAPER_LETTER ? 792 : 297 * MM;
    d->width = landscape ? h : w;
    d->height = landscape ? w : h;
    d->margin = 15 * MM;
    d->top = d->margin;
    d->bottom = d->height - d->margin - 14; /* room for the page's foot */
    /* The player's own fonts first, so that the same DejaVu Sans is used
     * whatever the system has; fontconfig keeps them for the process. */
    if (fonts_dir && *fonts_dir)
        FcConfigAppFontAddDir(NULL, (const FcChar8 *)fonts_dir);
    d->font = pango_font_description_from_string(FONT_FAMILY);
    if (!d->font) {
        snprintf(err, err_size, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    paper_new_page(d);
    if (d->failed) {
        snprintf(err, err_size, "cannot start a page (out of memory)");
        paper_close(d);
        return HRC_PROGRESS_ERR_NOMEM;
    }
    return HRC_PROGRESS_OK;
}

static void end_page(paper_doc *d)
{
    if (d->layout)
        g_object_unref(d->layout);
    d->layout = NULL;
    if (d->cr)
        cairo_destroy(d->cr);
    d->cr = NULL;
}

void paper_close(paper_doc *d)
{
    end_page(d);
    for (size_t i = 0; i < d->n_pages; i++)
        cairo_surface_destroy(d->pages[i]);
    free(d->pages);
    if (d->font)
        pango_font_description_free(d->font);
    memset(d, 0, sizeof *d);
}

void paper_new_page(paper_doc *d)
{
    end_page(d);
    if (d->n_pages == d->cap_pages) {
        size_t cap = d->cap_pages ? d->cap_pages * 2 : 16;
        cairo_surface_t **grown = realloc(d->pages, cap * sizeof *grown);
        if (!grown) {
            d->failed = true;
            return;
        }
        d->pages = grown;
        d->cap_pages = cap;
    }
    cairo_rectangle_t extents = {0, 0, d->width, d->height};
    cairo_surface_t *page = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    d->pages[d->n_pages++] = page;
    d->cr = cairo_create(page);
    d->layout = pango_cairo_create_layout(d->cr);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS || !d->layout)
        d->failed = true;
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    d->y = d->top;
}

bool paper_need(paper_doc *d, double height)
{
    if (d->y + height <= d->bottom || d->y <= d->top)
        return false;
    paper_new_page(d);
    return true;
}

cairo_t *paper_cairo(paper_doc *d)
{
    return d->cr;
}

static void set_layout(paper_doc *d, double w, const char *text, double size, unsigned style)
{
    PangoFontDescription *font = pango_font_description_copy_static(d->font);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, style & PAPER_BOLD ? PANGO_WEIGHT_BOLD
                                                               : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style & PAPER_ITALIC ? PANGO_STYLE_OBLIQUE
                                                                : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(d->layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(d->layout, w > 0 ? (int)(w * PANGO_SCALE) : -1);
    pango_layout_set_wrap(d->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(d->layout, style & PAPER_ELLIPSIZE ? PANGO_ELLIPSIZE_END
                                                                  : PANGO_ELLIPSIZE_NONE);
    pango_layout_set_alignment(d->layout, style & PAPER_CENTER ? PANGO_ALIGN_CENTER
                                          : style & PAPER_RIGHT ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_LEFT);
    unsigned lines = style >> 8 & 0xff;
    pango_layout_set_height(d->layout, lines ? -(int)lines : -1);
    if (lines)
        pango_layout_set_ellipsize(d->layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_text(d->layout, text ? text : "", -1);
}

double paper_measure(paper_doc *d, double w, const char *text, double size, unsigned style)
{
    if (!d->layout)
        return 0;
    set_layout(d, w, text, size, style);
    int pw, ph;
    pango_layout_get_size(d->layout, &pw, &ph);
    return (double)ph / PANGO_SCALE;
}

double paper_text_width(paper_doc *d, const char *text, double size, unsigned style)
{
    if (!d->layout)
        return 0;
    set_layout(d, -1, text, size, style & ~(unsigned)PAPER_ELLIPSIZE);
    int pw, ph;
    pango_layout_get_size(d->layout, &pw, &ph);
    return (double)pw / PANGO_SCALE;
}

double paper_text(paper_doc *d, double x, double y, double w, const char *text, double size,
                  unsigned style)
{
    if (!d->layout)
        return 0;
    set_layout(d, w, text, size, style);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, d->layout);
    int pw, ph;
    pango_layout_get_size(d->layout, &pw, &ph);
    return (double)ph / PANGO_SCALE;
}

void paper_line(paper_doc *d, double x1, double y1, double x2, double y2, double width)
{
    cairo_save(d->cr);
    cairo_set_line_width(d->cr, width);
    cairo_move_to(d->cr, x1, y1);
    cairo_line_to(d->cr, x2, y2);
    cairo_stroke(d->cr);
    cairo_restore(d->cr);
}

void paper_rect(paper_doc *d, double x, double y, double w, double h, double grey)
{
    cairo_save(d->cr);
    cairo_rectangle(d->cr, x, y, w, h);
    if (grey >= 0) {
        cairo_set_source_rgb(d->cr, grey, grey, grey);
        cairo_fill(d->cr);
    } else {
        cairo_set_line_width(d->cr, -grey);
        cairo_stroke(d->cr);
    }
    cairo_restore(d->cr);
}

/* ---- The PDF ------------------------------------------------------------------- */

typedef struct membuf {
    unsigned char *data;
    size_t len, cap;
    bool failed;
} membuf;

static cairo_status_t to_memory(void *closure, const unsigned char *data, unsigned int length)
{
    membuf *m = closure;
    if (m->len + length > m->cap) {
        size_t cap = m->cap ? m->cap : 65536;
        while (cap < m->len + length)
            cap *= 2;
        unsigned char *grown = realloc(m->data, cap);
        if (!grown) {
            m->failed = true;
            return CAIRO_STATUS_WRITE_ERROR;
        }
        m->data = grown;
        m->cap = cap;
    }
    memcpy(m->data + m->len, data, length);
    m->len += length;
    return CAIRO_STATUS_SUCCESS;
}

int paper_finish(paper_doc *d, const paper_meta *meta, bool footer, unsigned char **out,
                 size_t *len, char *err, size_t err_size)
{
    *out = NULL;
    *len = 0;
    end_page(d);
    if (d->failed) {
        snprintf(err, err_size, "out of memory while laying out the pages");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    membuf m = {0};
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(to_memory, &m, d->width,
                                                               d->height);
    cairo_pdf_surface_restrict_to_version(pdf, CAIRO_PDF_VERSION_1_5);
    if (meta) {
        if (meta->title)
            cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, meta->title);
        if (meta->author)
            cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, meta->author);
        if (meta->subject)
            cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
        if (meta->keywords)
            cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
    }
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "hrc-player");
    cairo_t *cr = cairo_create(pdf);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    for (size_t i = 0; i < d->n_pages; i++) {
        cairo_set_source_surface(cr, d->pages[i], 0, 0);
        cairo_paint(cr);
        if (footer) {
            cairo_set_source_rgb(cr, 0, 0, 0);
            PangoFontDescription *font = pango_font_description_copy_static(d->font);
            pango_font_description_set_absolute_size(font, 7.5 * PANGO_SCALE);
            pango_layout_set_font_description(layout, font);
            pango_font_description_free(font);
            double y = d->height - d->margin;
            double w = d->width - 2 * d->margin;
            char number[128];
            /* TRANSLATORS: at the foot of each page of a report. */
            snprintf(number, sizeof number, _("Page %zu of %zu"), i + 1, d->n_pages);
            pango_layout_set_width(layout, (int)(w * 0.3 * PANGO_SCALE));
            pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
            pango_layout_set_text(layout, number, -1);
            cairo_move_to(cr, d->margin + w * 0.7, y);
            pango_cairo_show_layout(cr, layout);
            pango_layout_set_width(layout, (int)(w * 0.68 * PANGO_SCALE));
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
            pango_layout_set_text(layout, d->footer, -1);
            cairo_move_to(cr, d->margin, y);
            pango_cairo_show_layout(cr, layout);
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
            cairo_set_line_width(cr, 0.5);
            cairo_move_to(cr, d->margin, y - 3);
            cairo_line_to(cr, d->width - d->margin, y - 3);
            cairo_stroke(cr);
        }
        cairo_show_page(cr);
    }
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    cairo_status_t status = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    if (status != CAIRO_STATUS_SUCCESS || m.failed) {
        free(m.data);
        snprintf(err, err_size, "cannot make the PDF: %s",
                 m.failed ? "out of memory" : cairo_status_to_string(status));
        return m.failed ? HRC_PROGRESS_ERR_NOMEM : HRC_PROGRESS_ERR_IO;
    }
    *out = m.data;
    *len = m.len;
    return HRC_PROGRESS_OK;
}

/* ---- Files -------------------------------------------------------------------- */

static int errno_result(int e)
{
    return e == ENOSPC || e == EDQUOT ? HRC_PROGRESS_ERR_FULL
         : e == EROFS || e == EACCES || e == EPERM ? HRC_PROGRESS_ERR_READONLY
         : e == ENOENT ? HRC_PROGRESS_ERR_NOT_FOUND
                       : HRC_PROGRESS_ERR_IO;
}

int paper_write_file(const char *path, const void *data, size_t len, char *err,
                     size_t err_size)
{
    char dir[HRC_PROGRESS_PATH_MAX], tmp[HRC_PROGRESS_PATH_MAX + 16];
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base) {
        snprintf(err, err_size, "%s is not a file name", path);
        return HRC_PROGRESS_ERR_INVALID;
    }
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash == path ? 1 : slash - path), path);
    else
        snprintf(dir, sizeof dir, ".");
    int n = snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, base);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        snprintf(err, err_size, "the path is too long");
        return HRC_PROGRESS_ERR_INVALID;
    }
    /* mkstemp: O_EXCL, mode 0600 whatever the umask; never through a link. */
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        snprintf(err, err_size, "cannot write in %s: %s", dir, strerror(e));
        return errno_result(e);
    }
    fchmod(fd, 0600);
    const unsigned char *p = data;
    size_t left = len;
    int e = 0;
    while (left && !e) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            e = errno;
        else
            p += w, left -= (size_t)w;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(e));
        return errno_result(e);
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return HRC_PROGRESS_OK;
}

/* ---- Words and figures --------------------------------------------------------- */

int64_t paper_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool local_day(int64_t ms, struct tm *tm)
{
    time_t t = (time_t)(ms / 1000);
    return ms > 0 && localtime_r(&t, tm) != NULL;
}

void paper_format_day(int64_t ms, char *out, size_t size)
{
    struct tm tm;
    out[0] = '\0';
    if (!local_day(ms, &tm))
        return;
    hrc_date date = {.year = tm.tm_year + 1900, .month = tm.tm_mon + 1, .day = tm.tm_mday,
                     .precision = HRC_DATE_DAY};
    hrc_date_format(&date, out, size);
}

void paper_iso_day(int64_t ms, char *out, size_t size)
{
    struct tm tm;
    out[0] = '\0';
    if (local_day(ms, &tm))
        strftime(out, size, "%Y-%m-%d", &tm);
}

void paper_percent(double fraction, char *out, size_t size)
{
    /* TRANSLATORS: a percentage, such as "85 %"; French puts a narrow
     * no-break space (U+202F) before the sign. */
    snprintf(out, size, _("%.0f%%"), fraction * 100.0);
}
