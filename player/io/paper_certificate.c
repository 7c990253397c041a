/*
 * paper_certificate.c: signed certificates of completion as PDF, their QR
 * code, and their verification (io/paper.h). Also the facilitator
 * screen's "to a folder" calls for the report and the certificates.
 *
 * What is signed (docs/trainer.md, "How a certificate is signed"):
 *
 * 1. The certificate's text T, UTF-8, each line ending in one line feed:
 *
 *      hrc-player certificate 1
 *      number: 3F2A9C01-000042
 *      issued: 2026-12-01
 *      kiosk: 3F2A 9C01 77BE 0D4E
 *      learner: Zoé Martín
 *      learner-id: <the learner's UUID>
 *      course: Human rights cities
 *      scope: course                 (or "module <module id>")
 *      modules: <id> <best score, whole percent, or ->, ...
 *      completed: 2026-03-12
 *      score: 86                     (whole percent, or -)
 *
 *    S1 = Ed25519(T) by the kiosk's key. The QR code holds T followed by
 *    "signature: <S1 in base64>\n": the paper alone carries a signed
 *    statement anyone with the kiosk's public key can check.
 *
 * 2. The PDF's bytes B, exactly as cairo made them (ending "%%EOF\n"),
 *    followed by these lines, PDF comments that readers skip:
 *
 *      %hrc-player-certificate-signature 1
 *      %pdf-bytes: <length of B>
 *      %pdf-sha512: <SHA-512 of B, 128 lower-case hex digits>
 *      %certificate: <T in base64>
 *      %certificate-signature: <S1 in base64>
 *      %kiosk: hrc-kiosk-1:<device id>:<public key in base64>
 *      %kiosk-fingerprint: <fingerprint>
 *      %signature: <S2 in base64>
 *
 *    S2 = Ed25519 of every byte of these lines before "%signature: ". The
 *    file ends right after the last line feed. Any change to B (a visible
 *    word, a figure, the QR image) breaks the digest; any change to the
 *    lines breaks S2; a byte added at the end is refused.
 * Base64 is the standard alphabet with padding. Signing goes through
 * hrc_progress_sign_certificate(), which signs only texts that start with
 * "hrc-player certificate 1\n" or "%hrc-player-certificate-signature 1\n".
 */
#include "io/paper_internal.h"

#include "core/i18n.h"
#include "core/names.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <qrencode.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define B64 sodium_base64_VARIANT_ORIGINAL
#define MAX_FILE_BYTES (16L * 1024 * 1024)

/* ---- Who gets one ------------------------------------------------------------- */

typedef struct cert_job {
    hrc_progress *s;
    const hrc_course *course;
    const hrc_paper_options *o;
    const hrc_class_table *table;
    long module;       /* the one module (index in the course), or -1: the course */
    char title[512];
    hrc_kiosk kiosk;
    const char *lang;
} cert_job;

static const char *module_title(const cert_job *j, size_t m)
{
    const hrc_module *mod = j->course->modules[m];
    const char *t = hrc_text_plain(&mod->title, j->lang, mod->default_lang);
    return t && *t ? t : mod->id;
}

static bool eligible(const cert_job *j, size_t learner)
{
    if (j->module >= 0)
        return hrc_class_table_cell(j->table, learner, (size_t)j->module)->status ==
               HRC_CELL_COMPLETED;
    for (size_t m = 0; m < j->table->n_modules; m++)
        if (hrc_class_table_cell(j->table, learner, m)->status != HRC_CELL_COMPLETED)
            return false;
    return j->table->n_modules > 0;
}

/* ---- The text that is signed ------------------------------------------------------ */

typedef struct cert {
    char number[HRC_CERTIFICATE_NUMBER_MAX];
    int64_t issued_ms, completed_ms;
    bool has_score;
    double score;       /* 0..1: the mean of the best scores */
    char text[HRC_CERTIFICATE_TEXT_MAX];
    size_t text_len;
    unsigned char sig[64];
    char sig_b64[sodium_base64_ENCODED_LEN(64, B64)];
} cert;

/* Appends "key: value\n" (value without line breaks). */
static void put_line(cert *c, const char *key, const char *value)
{
    size_t room = sizeof c->text - c->text_len;
    int n = snprintf(c->text + c->text_len, room, "%s: ", key);
    if (n < 0 || (size_t)n >= room)
        return;
    c->text_len += (size_t)n;
    for (const char *p = value; *p && c->text_len + 2 < sizeof c->text; p++)
        c->text[c->text_len++] = *p == '\n' || *p == '\r' ? ' ' : *p;
    c->text[c->text_len++] = '\n';
    c->text[c->text_len] = '\0';
}

static void whole_percent(bool has, double v, char *out, size_t size)
{
    if (has)
        snprintf(out, size, "%.0f", v * 100.0);
    else
        snprintf(out, size, "-");
}

static void build_text(const cert_job *j, size_t learner, cert *c)
{
    const hrc_learner *l = &j->table->learners[learner];
    c->text_len = (size_t)snprintf(c->text, sizeof c->text, "%s", HRC_CERTIFICATE_MAGIC);
    char day[16], modules[2048] = "", scope[HRC_PROGRESS_ID_MAX + 16];
    paper_iso_day(c->issued_ms, day, sizeof day);
    put_line(c, "number", c->number);
    put_line(c, "issued", day);
    put_line(c, "kiosk", j->kiosk.fingerprint);
    put_line(c, "learner", l->name);
    put_line(c, "learner-id", l->uuid);
    put_line(c, "course", j->title);
    if (j->module >= 0)
        snprintf(scope, sizeof scope, "module %s", j->course->modules[j->module]->id);
    else
        snprintf(scope, sizeof scope, "course");
    put_line(c, "scope", scope);
    size_t k = 0, scored = 0;
    double total = 0;
    c->completed_ms = 0;
    for (size_t m = 0; m < j->table->n_modules; m++) {
        if (j->module >= 0 && (long)m != j->module)
            continue;
        const hrc_class_cell *cell = hrc_class_table_cell(j->table, learner, m);
        char pc[16];
        whole_percent(cell->has_score, cell->best_score, pc, sizeof pc);
        int n = snprintf(modules + k, sizeof modules - k, "%s%s %s", k ? ", " : "",
                         j->course->modules[m]->id, pc);
        if (n > 0 && (size_t)n < sizeof modules - k)
            k += (size_t)n;
        if (cell->has_score) {
            total += cell->best_score;
            scored++;
        }
        if (cell->completed_ms > c->completed_ms)
            c->completed_ms = cell->completed_ms;
    }
    c->has_score = scored > 0;
    c->score = scored ? total / (double)scored : 0;
    put_line(c, "modules", modules);
    paper_iso_day(c->completed_ms, day, sizeof day);
    put_line(c, "completed", day);
    char pc[16];
    whole_percent(c->has_score, c->score, pc, sizeof pc);
    put_line(c, "score", pc);
}

/* ---- The page -------------------------------------------------------------------- */

/* The QR code of the signed text, size points wide, at (x, y). */
static bool draw_qr(paper_doc *d, const char *data, double x, double y, double size)
{
    /* Bytes, announced as UTF-8 (ECI 26) so that readers do not guess. */
    QRinput *input = QRinput_new2(0, QR_ECLEVEL_M);
    if (!input)
        return false;
    QRcode *qr = NULL;
    if (QRinput_appendECIheader(input, 26) == 0 &&
        QRinput_append(input, QR_MODE_8, (int)strlen(data), (const unsigned char *)data) == 0)
        qr = QRcode_encodeInput(input);
    QRinput_free(input);
    if (!qr)
        return false;
    /* An image of the modules with its quiet zone, PX pixels a module
     * (1 bit a pixel in the PDF): far cheaper to write than thousands of
     * rectangles, and sharp enough at any resolution. */
    enum { PX = 4 };
    int quiet = 4, n = qr->width + 2 * quiet;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, n * PX, n * PX);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        QRcode_free(qr);
        return false;
    }
    cairo_surface_flush(img);
    unsigned char *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int py = 0; py < n * PX; py++) {
        uint32_t *line = (uint32_t *)(px + py * stride);
        int r = py / PX - quiet;
        for (int pxl = 0; pxl < n * PX; pxl++) {
            int c = pxl / PX - quiet;
            bool dark = r >= 0 && c >= 0 && r < qr->width && c < qr->width &&
                        (qr->data[r * qr->width + c] & 1);
            line[pxl] = dark ? 0x000000 : 0xffffff;
        }
    }
    cairo_surface_mark_dirty(img);
    cairo_t *cr = paper_cairo(d);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, size / (n * PX), size / (n * PX));
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
    QRcode_free(qr);
    return true;
}

static void draw_certificate(paper_doc *d, const cert_job *j, size_t learner, const cert *c)
{
    const hrc_learner *l = &j->table->learners[learner];
    double W = d->width, H = d->height, m = d->margin;
    /* A double frame. */
    paper_rect(d, m * 0.6, m * 0.6, W - 1.2 * m, H - 1.2 * m, -2.0);
    paper_rect(d, m * 0.6 + 5, m * 0.6 + 5, W - 1.2 * m - 10, H - 1.2 * m - 10, -0.6);
    double x = m * 1.6, w = W - 3.2 * m, y = m * 1.5;
    y += paper_text(d, x, y, w, _("Certificate of completion"), 26, PAPER_BOLD | PAPER_CENTER);
    y += 14;
    y += paper_text(d, x, y, w, _("This certifies that"), 12, PAPER_CENTER) + 6;
    y += paper_text(d, x, y, w, l->name, 24, PAPER_BOLD | PAPER_CENTER) + 6;
    char line[1024];
    if (j->module >= 0) {
        y += paper_text(d, x, y, w, _("has completed the module"), 12, PAPER_CENTER) + 4;
        y += paper_text(d, x, y, w, module_title(j, (size_t)j->module), 17,
                        PAPER_BOLD | PAPER_CENTER) + 2;
        /* TRANSLATORS: under a module's title on a certificate. */
        snprintf(line, sizeof line, _("of the course %s"), j->title);
        y += paper_text(d, x, y, w, line, 11, PAPER_CENTER | PAPER_ITALIC) + 12;
    } else {
        y += paper_text(d, x, y, w, _("has completed the course"), 12, PAPER_CENTER) + 4;
        y += paper_text(d, x, y, w, j->title, 17, PAPER_BOLD | PAPER_CENTER) + 12;
    }
    /* The modules, each with its completion day and best score. */
    double tx = x + w * 0.12, tw = w * 0.76;
    paper_text(d, tx, y, tw * 0.62, _("Module"), 9, PAPER_BOLD);
    paper_text(d, tx + tw * 0.62, y, tw * 0.24, _("Completed on"), 9, PAPER_BOLD);
    paper_text(d, tx + tw * 0.86, y, tw * 0.14, _("Best score"), 9, PAPER_BOLD | PAPER_RIGHT);
    y += 13;
    paper_line(d, tx, y, tx + tw, y, 0.6);
    y += 3;
    for (size_t mi = 0; mi < j->table->n_modules; mi++) {
        if (j->module >= 0 && (long)mi != j->module)
            continue;
        const hrc_class_cell *cell = hrc_class_table_cell(j->table, learner, mi);
        char title[600], day[64], score[32];
        snprintf(title, sizeof title, "%zu. %s", mi + 1, module_title(j, mi));
        paper_format_day(cell->completed_ms, day, sizeof day);
        if (cell->has_score)
            paper_percent(cell->best_score, score, sizeof score);
        else
            snprintf(score, sizeof score, "\u2014");
        double h = paper_text(d, tx, y, tw * 0.6, title, 9, PAPER_MAX_LINES(2));
        paper_text(d, tx + tw * 0.62, y, tw * 0.24, day, 9, 0);
        paper_text(d, tx + tw * 0.86, y, tw * 0.14, score, 9, PAPER_RIGHT);
        y += (h > 12 ? h : 12) + 2;
    }
    paper_line(d, tx, y, tx + tw, y, 0.6);
    y += 8;
    char day[64], score[32];
    paper_format_day(c->completed_ms, day, sizeof day);
    if (c->has_score) {
        paper_percent(c->score, score, sizeof score);
        /* TRANSLATORS: the completion day, then the mean of the best scores. */
        snprintf(line, sizeof line, _("Completed on %s, with an overall score of %s."), day,
                 score);
    } else {
        snprintf(line, sizeof line, _("Completed on %s."), day);
    }
    paper_text(d, x, y, w, line, 11, PAPER_CENTER);

    /* The foot: who issued it, its number, how to check it, the QR code. */
    double qr = 124, qx = W - m * 1.3 - qr, qy = H - m * 1.3 - qr;
    char qr_text[HRC_CERTIFICATE_TEXT_MAX + 128];
    snprintf(qr_text, sizeof qr_text, "%ssignature: %s\n", c->text, c->sig_b64);
    draw_qr(d, qr_text, qx, qy, qr);
    double fx = m * 1.3, fw = qx - fx - 14, fy = H - m * 1.3 - 58;
    char issued[64];
    paper_format_day(c->issued_ms, issued, sizeof issued);
    snprintf(line, sizeof line, _("Certificate no. %s"), c->number);
    fy += paper_text(d, fx, fy, fw, line, 10, PAPER_BOLD) + 2;
    /* TRANSLATORS: the day, then the kiosk's fingerprint. */
    snprintf(line, sizeof line, _("Issued on %s by the kiosk with fingerprint %s."), issued,
             j->kiosk.fingerprint);
    fy += paper_text(d, fx, fy, fw, line, 8.5, 0) + 2;
    paper_text(d, fx, fy, fw,
               _("This file is signed with the kiosk's key: hrc-player --verify-certificate "
                 "FILE says whether it is genuine and unaltered. The QR code holds the signed "
                 "text and its signature."), 7, PAPER_ITALIC);
}

/* ---- Signing and writing ---------------------------------------------------------- */

static void b64(const unsigned char *bin, size_t len, char *out, size_t size)
{
    sodium_bin2base64(out, size, bin, len, B64);
}

/* The PDF's bytes, then the signed trailer, into *out (free() it). */
static int seal(hrc_progress *s, const cert *c, const unsigned char *pdf, size_t len,
                unsigned char **out, size_t *out_len, char *err, size_t err_size)
{
    unsigned char digest[64];
    crypto_hash_sha512(digest, pdf, len);
    char hex[129];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    size_t text_b64_size = sodium_base64_ENCODED_LEN(c->text_len, B64);
    char *text_b64 = malloc(text_b64_size);
    size_t trailer_size = text_b64_size + 1024;
    char *trailer = malloc(trailer_size);
    if (!text_b64 || !trailer) {
        free(text_b64), free(trailer);
        snprintf(err, err_size, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    b64((const unsigned char *)c->text, c->text_len, text_b64, text_b64_size);
    hrc_kiosk me;
    hrc_progress_this_kiosk(s, &me);
    int n = snprintf(trailer, trailer_size,
                     "%s%%pdf-bytes: %zu\n%%pdf-sha512: %s\n"
                     "%%certificate: %s\n%%certificate-signature: %s\n%%kiosk: %s\n"
                     "%%kiosk-fingerprint: %s\n",
                     HRC_CERTIFICATE_TRAILER_MAGIC, len, hex, text_b64, c->sig_b64, me.key,
                     me.fingerprint);
    free(text_b64);
    unsigned char sig[64];
    int r = n > 0 && (size_t)n < trailer_size
                ? hrc_progress_sign_certificate(s, trailer, (size_t)n, sig, NULL)
                : HRC_PROGRESS_ERR_NOMEM;
    if (r) {
        free(trailer);
        snprintf(err, err_size, "cannot sign the certificate: %s", hrc_progress_errmsg(s));
        return r;
    }
    char sig_b64[sodium_base64_ENCODED_LEN(64, B64)];
    b64(sig, sizeof sig, sig_b64, sizeof sig_b64);
    size_t total = len + (size_t)n + strlen("%signature: \n") + strlen(sig_b64);
    *out = malloc(total + 1);
    if (!*out) {
        free(trailer);
        snprintf(err, err_size, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    memcpy(*out, pdf, len);
    memcpy(*out + len, trailer, (size_t)n);
    snprintf((char *)*out + len + n, total + 1 - len - (size_t)n, "%%signature: %s\n", sig_b64);
    *out_len = total;
    free(trailer);
    return HRC_PROGRESS_OK;
}

/* "zoe-martin": the learner's name for a file name, ASCII only. */
static void slug(const char *name, char *out, size_t size)
{
    char key[HRC_LEARNER_NAME_MAX * 2];
    hrc_name_key(name, key, sizeof key);
    size_t k = 0;
    bool dash = false;
    for (const char *p = key; *p && k + 2 < size && k < 40; p++) {
        bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
        if (alnum) {
            if (dash && k)
                out[k++] = '-';
            out[k++] = *p;
            dash = false;
        } else {
            dash = true;
        }
    }
    out[k] = '\0';
}

static int write_one(cert_job *j, size_t learner, const char *number, int64_t issued_ms,
                     const char *dir, char *path, size_t path_size, char *err, size_t err_size)
{
    const hrc_learner *l = &j->table->learners[learner];
    cert *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, err_size, "out of memory");
        return HRC_PROGRESS_ERR_NOMEM;
    }
    snprintf(c->number, sizeof c->number, "%s", number);
    c->issued_ms = j->o->now_ms ? j->o->now_ms : issued_ms;
    build_text(j, learner, c);
    int r = hrc_progress_sign_certificate(j->s, c->text, c->text_len, c->sig, NULL);
    if (r) {
        snprintf(err, err_size, "%s", hrc_progress_errmsg(j->s));
        free(c);
        return r;
    }
    b64(c->sig, sizeof c->sig, c->sig_b64, sizeof c->sig_b64);
    paper_doc d;
    r = paper_open(&d, j->o->paper, true, j->o->fonts_dir, err, err_size);
    if (r) {
        free(c);
        return r;
    }
    draw_certificate(&d, j, learner, c);
    char title[700], author[128];
    snprintf(title, sizeof title, "%s \u2014 %s", _("Certificate of completion"), l->name);
    snprintf(author, sizeof author, "hrc-player %s", j->kiosk.fingerprint);
    paper_meta meta = {.title = title, .author = author, .subject = j->title,
                       .keywords = c->number};
    unsigned char *pdf = NULL, *sealed = NULL;
    size_t len = 0, sealed_len = 0;
    r = paper_finish(&d, &meta, false, &pdf, &len, err, err_size);
    paper_close(&d);
    if (!r)
        r = seal(j->s, c, pdf, len, &sealed, &sealed_len, err, err_size);
    char name[64];
    slug(l->name, name, sizeof name);
    int n = snprintf(path, path_size, "%s/certificate-%s%s%s.pdf", dir, c->number,
                     name[0] ? "-" : "", name);
    if (!r && (n < 0 || (size_t)n >= path_size)) {
        snprintf(err, err_size, "the folder's name is too long");
        r = HRC_PROGRESS_ERR_INVALID;
    }
    if (!r)
        r = paper_write_file(path, sealed, sealed_len, err, err_size);
    free(pdf);
    free(sealed);
    free(c);
    return r;
}

int hrc_certificates_write(hrc_progress *s, const hrc_course *course,
                           const hrc_paper_options *options, const char *dir,
                           hrc_certificates_result *result, char *err, size_t err_size)
{
    hrc_certificates_result scratch;
    if (!result)
        result = &scratch;
    memset(result, 0, sizeof *result);
    hrc_paper_options defaults = {0};
    cert_job j = {.s = s, .course = course, .o = options ? options : &defaults, .module = -1,
                  .lang = hrc_i18n_language()};
    if (!s) {
        snprintf(err, err_size, "no progress store");
        return HRC_PROGRESS_ERR_READONLY;
    }
    if (j.o->module_id) {
        for (size_t m = 0; m < course->n_modules && j.module < 0; m++)
            if (strcmp(course->modules[m]->id, j.o->module_id) == 0)
                j.module = (long)m;
        if (j.module < 0) {
            snprintf(err, err_size, "the course has no module %s", j.o->module_id);
            return HRC_PROGRESS_ERR_NOT_FOUND;
        }
    }
    hrc_paper_course_title(course, j.o->title, j.title, sizeof j.title);
    int r = hrc_progress_this_kiosk(s, &j.kiosk);
    const char **ids = calloc(course->n_modules ? course->n_modules : 1, sizeof *ids);
    if (!ids)
        r = HRC_PROGRESS_ERR_NOMEM;
    for (size_t m = 0; !r && m < course->n_modules; m++)
        ids[m] = course->modules[m]->id;
    hrc_class_table *table = NULL;
    if (!r)
        r = hrc_progress_class_table(s, j.o->group, ids, course->n_modules, &table);
    free(ids);
    if (r) {
        snprintf(err, err_size, "%s", r == HRC_PROGRESS_ERR_NOMEM ? "out of memory"
                                                                  : hrc_progress_errmsg(s));
        return r;
    }
    j.table = table;
    /* Who gets one; their numbers, all at once (one commit). */
    size_t *who = calloc(table->n_learners ? table->n_learners : 1, sizeof *who);
    const char **uuids = calloc(table->n_learners ? table->n_learners : 1, sizeof *uuids);
    char (*numbers)[HRC_CERTIFICATE_NUMBER_MAX] =
        calloc(table->n_learners ? table->n_learners : 1, sizeof *numbers);
    if (!who || !uuids || !numbers) {
        snprintf(err, err_size, "out of memory");
        r = HRC_PROGRESS_ERR_NOMEM;
    }
    for (size_t i = 0; !r && i < table->n_learners; i++)
        if (eligible(&j, i)) {
            who[result->eligible] = i;
            uuids[result->eligible++] = table->learners[i].uuid;
        }
    char scope[HRC_PROGRESS_ID_MAX + 16];
    if (j.module >= 0)
        snprintf(scope, sizeof scope, "module %s", course->modules[j.module]->id);
    else
        snprintf(scope, sizeof scope, "course");
    int64_t issued = 0;
    if (!r && result->eligible) {
        r = hrc_progress_next_certificates(s, uuids, result->eligible, scope, numbers, &issued);
        if (r)
            snprintf(err, err_size, "%s", hrc_progress_errmsg(s));
    }
    for (size_t k = 0; !r && k < result->eligible; k++) {
        char path[HRC_PROGRESS_PATH_MAX];
        r = write_one(&j, who[k], numbers[k], issued, dir, path, sizeof path, err, err_size);
        if (!r && result->written++ == 0)
            snprintf(result->first, sizeof result->first, "%s", path);
    }
    free(who);
    free(uuids);
    free(numbers);
    hrc_class_table_free(table);
    return r;
}

/* ---- Verification ------------------------------------------------------------------- */

static int check_fail(hrc_certificate_check *out, int result, const char *fmt, const char *arg)
{
    out->result = result;
    snprintf(out->message, sizeof out->message, fmt, arg ? arg : "");
    return result;
}

/* The value of "%name: value\n" at *p, NUL-terminated in place; NULL when
 * the line is not that one. */
static char *trailer_line(char **p, char *end, const char *name)
{
    size_t n = strlen(name);
    if ((size_t)(end - *p) < n + 3 || (*p)[0] != '%' || strncmp(*p + 1, name, n) != 0 ||
        (*p)[n + 1] != ':' || (*p)[n + 2] != ' ')
        return NULL;
    char *value = *p + n + 3;
    char *eol = memchr(value, '\n', (size_t)(end - value));
    if (!eol)
        return NULL;
    *eol = '\0';
    *p = eol + 1;
    return value;
}

static bool from_b64(const char *text, unsigned char *out, size_t max, size_t *len)
{
    const char *end = NULL;
    return sodium_base642bin(out, max, text, strlen(text), NULL, len, &end, B64) == 0 &&
           end && !*end;
}

/* The value of "key: value" in the certificate's text. */
static void text_field(const char *text, const char *key, char *out, size_t size)
{
    size_t n = strlen(key);
    out[0] = '\0';
    for (const char *p = text; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len > n + 1 && strncmp(p, key, n) == 0 && p[n] == ':' && p[n + 1] == ' ') {
            snprintf(out, size, "%.*s", (int)(len - n - 2), p + n + 2);
            /* Shown on a terminal: an unknown kiosk may have signed anything. */
            for (char *c = out; *c; c++)
                if ((unsigned char)*c < 0x20 || *c == 0x7f)
                    *c = '?';
            return;
        }
        p = eol ? eol + 1 : NULL;
    }
}

static int read_whole(const char *path, unsigned char **data, size_t *len,
                      hrc_certificate_check *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return check_fail(out, errno == ENOENT ? HRC_PROGRESS_ERR_NOT_FOUND : HRC_PROGRESS_ERR_IO,
                          "cannot read the file: %s", strerror(errno));
    *data = malloc(MAX_FILE_BYTES + 1);
    *len = *data ? fread(*data, 1, MAX_FILE_BYTES + 1, f) : 0;
    bool bad = !*data || ferror(f);
    fclose(f);
    if (bad)
        return check_fail(out, HRC_PROGRESS_ERR_IO, "cannot read the file%s", "");
    if (*len > MAX_FILE_BYTES)
        return check_fail(out, HRC_PROGRESS_ERR_UNSIGNED, "larger than any certificate%s", "");
    return HRC_PROGRESS_OK;
}

static int verify_bytes(hrc_progress *s, unsigned char *data, size_t len,
                        hrc_certificate_check *out)
{
    /* The trailer: after the last line feed followed by its magic line. */
    const char *magic = HRC_CERTIFICATE_TRAILER_MAGIC;
    size_t mlen = strlen(magic);
    size_t start = 0;
    bool found = false;
    for (size_t i = len >= mlen ? len - mlen + 1 : 0; i-- > 1;)
        if (data[i - 1] == '\n' && memcmp(data + i, magic, mlen) == 0) {
            start = i;
            found = true;
            break;
        }
    if (!found)
        return check_fail(out, HRC_PROGRESS_ERR_UNSIGNED,
                          "it holds no hrc-player certificate signature%s", "");
    char *p = (char *)data + start + mlen, *end = (char *)data + len;
    char *v_bytes = trailer_line(&p, end, "pdf-bytes");
    char *v_sha = v_bytes ? trailer_line(&p, end, "pdf-sha512") : NULL;
    char *v_text = v_sha ? trailer_line(&p, end, "certificate") : NULL;
    char *v_csig = v_text ? trailer_line(&p, end, "certificate-signature") : NULL;
    char *v_key = v_csig ? trailer_line(&p, end, "kiosk") : NULL;
    char *v_fp = v_key ? trailer_line(&p, end, "kiosk-fingerprint") : NULL;
    size_t signed_len = (size_t)(p - ((char *)data + start));
    char *v_sig = v_fp ? trailer_line(&p, end, "signature") : NULL;
    if (!v_sig || p != end)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "its signature lines are damaged or followed by other bytes%s", "");
    unsigned char pk[32];
    if (!hrc_kiosk_key_parse(v_key, &out->kiosk, pk) || strcmp(out->kiosk.fingerprint, v_fp))
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "it names no valid kiosk key%s", "");
    /* The lines were cut in place: sign-check a copy with their line ends. */
    unsigned char sig[64], csig[64];
    size_t n = 0;
    if (!from_b64(v_sig, sig, sizeof sig, &n) || n != 64 ||
        !from_b64(v_csig, csig, sizeof csig, &n) || n != 64)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE, "its signatures are damaged%s", "");
    unsigned char *lines = malloc(signed_len);
    if (!lines)
        return check_fail(out, HRC_PROGRESS_ERR_NOMEM, "out of memory%s", "");
    memcpy(lines, data + start, signed_len);
    for (size_t i = 0; i < signed_len; i++)
        if (!lines[i])
            lines[i] = '\n';
    int bad = crypto_sign_verify_detached(sig, lines, signed_len, pk);
    free(lines);
    if (bad)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "its signature lines were changed after signing%s", "");
    /* The PDF's bytes against their digest. */
    unsigned char want[64], got[64];
    char *bytes_end = NULL;
    unsigned long long bytes = strtoull(v_bytes, &bytes_end, 10);
    if (!*v_bytes || *bytes_end || bytes != start || strlen(v_sha) != 128 ||
        sodium_hex2bin(want, sizeof want, v_sha, 128, NULL, &n, NULL) != 0 || n != 64)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "the document was changed after signing (its length differs)%s", "");
    crypto_hash_sha512(got, data, start);
    if (sodium_memcmp(got, want, 64) != 0)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "the document was changed after signing%s", "");
    /* The certificate's own text and its signature (the QR code's). */
    if (!from_b64(v_text, (unsigned char *)out->text, sizeof out->text - 1, &n))
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE, "its text is damaged%s", "");
    out->text[n] = '\0';
    if (strlen(out->text) != n ||
        strncmp(out->text, HRC_CERTIFICATE_MAGIC, strlen(HRC_CERTIFICATE_MAGIC)) != 0 ||
        crypto_sign_verify_detached(csig, (unsigned char *)out->text, n, pk) != 0)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "its text does not match its signature%s", "");
    char kiosk[HRC_KIOSK_FINGERPRINT_MAX + 8];
    text_field(out->text, "kiosk", kiosk, sizeof kiosk);
    if (strcmp(kiosk, out->kiosk.fingerprint) != 0)
        return check_fail(out, HRC_PROGRESS_ERR_SIGNATURE,
                          "its text names another kiosk than its key%s", "");
    text_field(out->text, "number", out->number, sizeof out->number);
    text_field(out->text, "learner", out->learner, sizeof out->learner);
    text_field(out->text, "course", out->course, sizeof out->course);
    text_field(out->text, "scope", out->scope, sizeof out->scope);
    text_field(out->text, "issued", out->issued, sizeof out->issued);
    text_field(out->text, "completed", out->completed, sizeof out->completed);
    text_field(out->text, "score", out->score, sizeof out->score);
    hrc_kiosk known;
    char key[HRC_KIOSK_KEY_MAX];
    snprintf(key, sizeof key, "%s", out->kiosk.key);
    if (s && hrc_progress_kiosk_standing(s, key, &out->standing, &known) == HRC_PROGRESS_OK &&
        out->standing == HRC_KIOSK_TRUSTED)
        out->kiosk.trusted_ms = known.trusted_ms;
    out->result = HRC_PROGRESS_OK;
    return HRC_PROGRESS_OK;
}

int hrc_certificate_verify(hrc_progress *s, const char *path, hrc_certificate_check *out)
{
    memset(out, 0, sizeof *out);
    if (sodium_init() < 0)
        return check_fail(out, HRC_PROGRESS_ERR_IO, "libsodium could not start%s", "");
    unsigned char *data = NULL;
    size_t len = 0;
    int r = read_whole(path, &data, &len, out);
    if (!r)
        r = verify_bytes(s, data, len, out);
    free(data);
    return r;
}

/* ---- To a folder (the facilitator screen) ------------------------------------------- */

static void stamp(char *out, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, size, "%Y%m%dT%H%M%SZ", &tm);
}

int hrc_report_to_folder(hrc_progress *s, const hrc_course *course,
                         const hrc_paper_options *options, const char *dir, char *path_out,
                         char *err, size_t err_size)
{
    char when[32], group[64] = "all", path[HRC_PROGRESS_PATH_MAX];
    stamp(when, sizeof when);
    if (options && options->group == HRC_GROUP_NONE)
        snprintf(group, sizeof group, "no-group");
    else if (options && options->group > 0) {
        hrc_group g;
        if (hrc_progress_get_group(s, options->group, &g) == HRC_PROGRESS_OK)
            slug(g.name, group, sizeof group);
        if (!group[0])
            snprintf(group, sizeof group, "group-%lld", (long long)options->group);
    }
    int n = snprintf(path, sizeof path, "%s/hrc-report-%s-%s.pdf", dir, group, when);
    if (n < 0 || (size_t)n >= sizeof path) {
        snprintf(err, err_size, "the folder's name is too long");
        return HRC_PROGRESS_ERR_INVALID;
    }
    int r = hrc_report_write(s, course, options, path, NULL, err, err_size);
    if (!r && path_out)
        snprintf(path_out, HRC_PROGRESS_PATH_MAX, "%s", path);
    return r;
}

int hrc_certificates_to_folder(hrc_progress *s, const hrc_course *course,
                               const hrc_paper_options *options, const char *dir,
                               char *dir_out, hrc_certificates_result *result, char *err,
                               size_t err_size)
{
    char when[32], sub[HRC_PROGRESS_PATH_MAX];
    stamp(when, sizeof when);
    int n = snprintf(sub, sizeof sub, "%s/hrc-certificates-%s", dir, when);
    if (n < 0 || (size_t)n >= sizeof sub - 80) {
        snprintf(err, err_size, "the folder's name is too long");
        return HRC_PROGRESS_ERR_INVALID;
    }
    if (mkdir(sub, 0700) != 0 && errno != EEXIST) {
        int e = errno;
        snprintf(err, err_size, "cannot make %s: %s", sub, strerror(e));
        return e == ENOSPC ? HRC_PROGRESS_ERR_FULL
             : e == EROFS || e == EACCES ? HRC_PROGRESS_ERR_READONLY : HRC_PROGRESS_ERR_IO;
    }
    int r = hrc_certificates_write(s, course, options, sub, result, err, err_size);
    if (dir_out)
        snprintf(dir_out, HRC_PROGRESS_PATH_MAX, "%s", sub);
    return r;
}
