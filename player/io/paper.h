/*
 * paper.h: the trainer's paper. A class report and certificates as PDF
 * (cairo and Pango, DejaVu Sans), and the check of a certificate's
 * signature. For the command line (--report, --certificates,
 * --verify-certificate) and the facilitator screen (a USB stick).
 *
 * Promises:
 * - Everything is written in the interface language (gettext, as set by
 *   io/locale.h), on A4 or US Letter, readable when printed in black and
 *   white: statuses are symbols and words, never colour alone.
 * - Files are written whole or not at all, and privately: a temporary file
 *   made next to the target by mkstemp (never through a link, mode 0600),
 *   synced, then renamed over the target, and the folder synced.
 * - The report reads the store only; certificates take a number from the
 *   store's register (a write) and are signed with this kiosk's key, so
 *   they need a writable, unlocked store.
 * - A certificate is verifiable from its file alone: the signed text and
 *   two Ed25519 signatures travel at its end (docs/trainer.md, "How a
 *   certificate is signed"); changing any byte of the file makes
 *   hrc_certificate_verify() fail.
 * - Nothing is printed: results are hrc_progress_result codes with a
 *   message in the caller's err buffer (or the result struct).
 */
#ifndef HRC_IO_PAPER_H
#define HRC_IO_PAPER_H

#include "core/model.h"
#include "io/progress.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum hrc_paper_size {
    HRC_PAPER_DEFAULT, /* from the locale (LC_PAPER): US Letter in the US and Canada... else A4 */
    HRC_PAPER_A4,      /* 210 x 297 mm */
    HRC_PAPER_LETTER,  /* 8.5 x 11 in */
} hrc_paper_size;

/* What LC_PAPER says (A4 or US Letter), A4 when it says nothing. */
hrc_paper_size hrc_paper_from_locale(void);
/* "a4" or "letter" (any case) into *out; false otherwise. */
bool hrc_paper_parse(const char *text, hrc_paper_size *out);

#define HRC_PAPER_MSG_MAX 512

typedef struct hrc_paper_options {
    int64_t group;          /* HRC_GROUP_ALL, HRC_GROUP_NONE or a group's id */
    hrc_paper_size paper;
    const char *title;      /* the course's title; NULL: from its folder's name */
    /* A folder of fonts for fontconfig, such as the player's assets/fonts
     * (DejaVu Sans), so that Pango finds one whatever the system has;
     * NULL: the system's fonts only. */
    const char *fonts_dir;
    const char *module_id;  /* certificates: one module instead of the course */
    int64_t now_ms;         /* the date printed; 0: now */
} hrc_paper_options;

/* The course's title as printed: options->title, else its folder's name
 * with dashes as spaces and a capital first ("Human rights cities"). */
void hrc_paper_course_title(const hrc_course *course, const char *title, char *out,
                            size_t size);

typedef struct hrc_report_stats {
    size_t learners, modules, questions, pages;
} hrc_report_stats;

/*
 * Facilitator: the class report of course for the learners of
 * options->group, as a PDF at path: the class table (learners by modules:
 * status, best score, attempts), how many completed and passed each
 * module, the questions hardest first (core/itemstats.h), the date and
 * this kiosk's fingerprint; pages numbered "Page N of M", the table's
 * header repeated on each page. stats may be NULL.
 */
int hrc_report_write(hrc_progress *s, const hrc_course *course, const hrc_paper_options *options,
                     const char *path, hrc_report_stats *stats, char *err, size_t err_size);

typedef struct hrc_certificates_result {
    size_t eligible;   /* learners of the group who completed the course (or module) */
    size_t written;
    char first[HRC_PROGRESS_PATH_MAX]; /* the first file written */
} hrc_certificates_result;

/*
 * Facilitator (unlocked, writable store): one certificate per learner of
 * options->group who completed every module of course (or the module
 * options->module_id), as DIR/certificate-<number>-<name>.pdf. Each one
 * has a new number from the store's register, and is signed with this
 * kiosk's key; a QR code on it holds the signed text and its signature.
 * HRC_PROGRESS_ERR_NOT_FOUND for a module id the course does not have.
 * Stops at the first file that cannot be written (result->written says
 * how many were).
 */
int hrc_certificates_write(hrc_progress *s, const hrc_course *course,
                           const hrc_paper_options *options, const char *dir,
                           hrc_certificates_result *result, char *err, size_t err_size);

#define HRC_CERTIFICATE_TEXT_MAX 4096

typedef struct hrc_certificate_check {
    /* HRC_PROGRESS_OK: the file is whole and its signatures hold (then see
     * standing); HRC_PROGRESS_ERR_UNSIGNED: no certificate signature in
     * it (not a certificate of this player); HRC_PROGRESS_ERR_SIGNATURE:
     * changed after it was signed, or a signature that does not hold;
     * HRC_PROGRESS_ERR_NOT_FOUND / _IO: the file cannot be read. */
    int result;
    hrc_kiosk_standing standing; /* with HRC_PROGRESS_OK */
    hrc_kiosk kiosk;             /* the kiosk whose key signed it (trusted_ms when trusted) */
    char text[HRC_CERTIFICATE_TEXT_MAX]; /* the signed text (HRC_CERTIFICATE_MAGIC ...) */
    /* Fields of the text, for display. */
    char number[HRC_CERTIFICATE_NUMBER_MAX];
    char learner[HRC_LEARNER_NAME_MAX];
    char course[512];
    char scope[HRC_PROGRESS_ID_MAX + 16];
    char issued[16], completed[16], score[16];
    char message[HRC_PAPER_MSG_MAX]; /* why, when result is not OK (English) */
} hrc_certificate_check;

/*
 * Checks the certificate at path: the file's bytes against the signed
 * digest, both signatures against the key named in it, the text's form.
 * s (may be NULL: no store on this machine) tells whether the key is this
 * kiosk's or one it trusts. Returns out->result.
 */
int hrc_certificate_verify(hrc_progress *s, const char *path, hrc_certificate_check *out);

/*
 * For the facilitator screen: writes the report as
 * DIR/hrc-report-<group or "all">-<UTC time>.pdf (the path into path_out,
 * HRC_PROGRESS_PATH_MAX bytes, may be NULL); certificates go to
 * DIR/hrc-certificates-<UTC time>/ (made 0700; its path into dir_out).
 */
int hrc_report_to_folder(hrc_progress *s, const hrc_course *course,
                         const hrc_paper_options *options, const char *dir, char *path_out,
                         char *err, size_t err_size);
int hrc_certificates_to_folder(hrc_progress *s, const hrc_course *course,
                               const hrc_paper_options *options, const char *dir,
                               char *dir_out, hrc_certificates_result *result, char *err,
                               size_t err_size);

#endif
