/* The on-screen keyboard and PIN keypad. See keyboard.h. */
#include "screens/keyboard.h"

#include "core/answer.h"
#include "screens/icons.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Keys that are not characters (key args of characters are code points). */
enum { KEY_SHIFT = -1, KEY_PAGE = -2, KEY_ERASE = -3, KEY_SPACE = ' ' };

enum { NAME_COLS = 10, PIN_COLS = 3 };

/* The letter rows of each layout, and the accented letters: UTF-8. */
static const char *const rows_qwerty[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm'-"};
static const char *const rows_azerty[] = {"azertyuiop", "qsdfghjklm", "wxcvbn'-"};
static const char *const rows_spanish[] = {"qwertyuiop", "asdfghjkl\xc3\xb1", "zxcvbnm'-"};
static const char *const rows_accents[] = {
    "\xc3\xa9\xc3\xa8\xc3\xaa\xc3\xab\xc3\xa1\xc3\xa0\xc3\xa2\xc3\xa4\xc3\xa3\xc3\xa5",
    "\xc3\xad\xc3\xac\xc3\xae\xc3\xaf\xc3\xb3\xc3\xb2\xc3\xb4\xc3\xb6\xc3\xb5\xc3\xb8",
    "\xc3\xba\xc3\xb9\xc3\xbb\xc3\xbc\xc3\xb1\xc3\xa7\xc3\xbf\xc5\x93\xc3\xa6\xc3\x9f",
};
static const char *const rows_pin[] = {"123", "456", "789"};
static const char row_digits[] = "1234567890";

/* ---- Characters ------------------------------------------------------ */

/* Decodes one UTF-8 character at *s (the keyboard's own strings: valid). */
static unsigned next_cp(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    unsigned cp;
    int n;
    if (p[0] < 0x80) {
        cp = p[0];
        n = 1;
    } else if ((p[0] & 0xE0) == 0xC0) {
        cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        n = 2;
    } else {
        cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        n = 3;
    }
    *s += n;
    return cp;
}

static size_t put_cp(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        out[1] = '\0';
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        out[2] = '\0';
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    out[3] = '\0';
    return 3;
}

/* The capital of one of the keyboard's letters (itself when none). */
static unsigned upper_cp(unsigned cp)
{
    if (cp >= 'a' && cp <= 'z')
        return cp - 0x20;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        return cp - 0x20;
    if (cp == 0xFF)
        return 0x178; /* Ÿ */
    if (cp == 0x153)
        return 0x152; /* Œ */
    return cp;
}

/* A word starts after nothing, a space or a hyphen. */
static bool at_word_start(const char *text)
{
    size_t n = text ? strlen(text) : 0;
    return n == 0 || text[n - 1] == ' ' || text[n - 1] == '-';
}

/* Whether the next letter is a capital: names start each word with one,
 * typed answers have none unless asked. */
static bool capitals(const osk *k, osk_kind kind, const char *text)
{
    bool word_caps = kind == OSK_NAME && at_word_start(text);
    return word_caps != k->shift;
}

/* ---- Geometry ------------------------------------------------------- */

typedef struct geometry {
    int cols, rows;
    int key_w, key_h, gap;
    int label_px;
} geometry;

static geometry measure(ui *u, osk_kind kind)
{
    bool pad = kind == OSK_PIN || kind == OSK_NUMBER;
    geometry g = {.cols = pad ? PIN_COLS : NAME_COLS, .rows = kind == OSK_TEXT ? 5 : 4};
    g.gap = u->pad / 4 > 2 ? u->pad / 4 : 2;
    g.label_px = u->px * 6 / 5;
    int line = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_BOLD, g.label_px});
    g.key_h = line + u->pad;
    if (g.key_h < u->min_target * 6 / 5)
        g.key_h = u->min_target * 6 / 5;
    int w = (u->w - (g.cols - 1) * g.gap) / g.cols;
    if (pad) {
        /* A keypad, not a row across the screen: keys about twice as wide
         * as tall, at most. */
        int most = g.key_h * 2;
        if (w > most)
            w = most;
    }
    g.key_w = w > 1 ? w : 1;
    return g;
}

int osk_height(ui *u, osk_kind kind)
{
    geometry g = measure(u, kind);
    return g.rows * (g.key_h + g.gap) + u->pad / 2;
}

/* ---- Drawing ---------------------------------------------------------- */

static hrc_rect on_screen(const ui *u, hrc_rect r)
{
    if (u->in_scroll)
        r.y = u->view.y + r.y - u->scroll;
    return r;
}

/* A word centred in a key; drawn only when wholly visible (it scrolls in
 * otherwise). Falls back to the small size when it does not fit. */
static void key_label(ui *u, hrc_rect key, const char *s, int px, hrc_color color)
{
    hrc_font f = {HRC_FONT_BOLD, px};
    int w = u->m->width(u->m->ctx, f, s, strlen(s));
    if (w > key.w - 4 && px > u->small_px) {
        key_label(u, key, s, u->small_px, color);
        return;
    }
    int h = u->m->line_height(u->m->ctx, f);
    hrc_rect r = on_screen(u, (hrc_rect){key.x + (key.w - w) / 2, key.y + (key.h - h) / 2, w, h});
    hrc_rect area = u->in_scroll ? u->view : (hrc_rect){0, 0, u->W, u->H};
    if (w <= key.w - 4 && hrc_rect_contains(area, r))
        hrc_draw_text(u->list, r, area, f, color, s, strlen(s));
}

static void key_icon(ui *u, hrc_rect key, const char *icon, int px, hrc_color color)
{
    hrc_font f = {HRC_FONT_ICON, px};
    int w = u->m->width(u->m->ctx, f, icon, strlen(icon));
    int h = u->m->line_height(u->m->ctx, f);
    if (w <= key.w - 4 && h <= key.h)
        ui_icon(u, icon, key.x + (key.w - w) / 2, key.y + (key.h - h) / 2, px, color);
}

/* One key: a face, a label or an icon, and a target named `name`. */
static void key(ui *u, const geometry *g, hrc_rect r, const char *label, const char *icon,
                const char *name, int action, int arg, bool lit)
{
    const hrc_palette *p = u->pal;
    hrc_rect s = on_screen(u, r);
    hrc_color bg = lit ? p->selected : p->surface;
    hrc_color fg = lit ? p->selected_text : p->text;
    hrc_draw_rect(u->list, s, bg, u->pad / 4);
    int t = (u->ring + 1) / 2;
    hrc_draw_frame(u->list, s, p->border, t > 0 ? t : 1);
    if (icon)
        key_icon(u, r, icon, g->label_px, fg);
    else
        key_label(u, r, label, g->label_px, fg);
    ui_add_target(u, r, action, arg, name, false);
}

/* The digits; a number's pad also has the language's decimal mark. */
static void draw_pin_pad(ui *u, const geometry *g, int action, bool number)
{
    int x0 = u->x, y = u->y;
    for (int row = 0; row < 3; row++) {
        const char *s = rows_pin[row];
        for (int col = 0; *s; col++) {
            unsigned cp = next_cp(&s);
            char label[8];
            put_cp(label, cp);
            hrc_rect r = {x0 + col * (g->key_w + g->gap), y, g->key_w, g->key_h};
            key(u, g, r, label, NULL, label, action, (int)cp, false);
        }
        y += g->key_h + g->gap;
    }
    if (number) {
        const char *mark = hrc_lang_decimal_comma(u->app->lang) ? "," : ".";
        hrc_rect r = {x0, y, g->key_w, g->key_h};
        key(u, g, r, mark, NULL, *mark == ',' ? _("Comma") : _("Point"), action,
            (unsigned char)*mark, false);
    }
    hrc_rect zero = {x0 + (g->key_w + g->gap), y, g->key_w, g->key_h};
    key(u, g, zero, "0", NULL, "0", action, '0', false);
    hrc_rect erase = {x0 + 2 * (g->key_w + g->gap), y, g->key_w, g->key_h};
    key(u, g, erase, NULL, ICON_BACKSPACE, _("Erase"), action, KEY_ERASE, false);
}

static const char *const *letter_rows(const char *lang)
{
    if (strcmp(lang, "fr") == 0)
        return rows_azerty;
    if (strcmp(lang, "es") == 0)
        return rows_spanish;
    return rows_qwerty;
}

static void draw_letters(ui *u, const geometry *g, const osk *k, osk_kind kind, int action,
                         const char *text)
{
    const char *const *rows = k->accents ? rows_accents : letter_rows(u->app->lang);
    bool caps = capitals(k, kind, text);
    int step = g->key_w + g->gap;
    int y = u->y;
    if (kind == OSK_TEXT) { /* the digits, on every page */
        int x = u->x;
        for (const char *s = row_digits; *s; s++) {
            char label[2] = {*s, '\0'};
            key(u, g, (hrc_rect){x, y, g->key_w, g->key_h}, label, NULL, label, action,
                (unsigned char)*s, false);
            x += step;
        }
        y += g->key_h + g->gap;
    }
    for (int row = 0; row < 3; row++) {
        /* Rows of fewer keys are centred under the full ones. */
        int n = 0;
        for (const char *s = rows[row]; *s; n++)
            next_cp(&s);
        int x = u->x + (g->cols - n) * step / 2;
        for (const char *s = rows[row]; *s;) {
            unsigned cp = next_cp(&s);
            unsigned shown = caps ? upper_cp(cp) : cp;
            char label[8];
            put_cp(label, shown);
            key(u, g, (hrc_rect){x, y, g->key_w, g->key_h}, label, NULL, label, action,
                (int)cp, false);
            x += step;
        }
        y += g->key_h + g->gap;
    }
    /* The bottom row: capitals 1.5 keys, page 1.5, space 5, erase 2. */
    int x = u->x;
    int w15 = (3 * step) / 2 - g->gap;
    key(u, g, (hrc_rect){x, y, w15, g->key_h}, NULL, ICON_SHIFT,
        caps ? _("Small letters") : _("Capital letters"), action, KEY_SHIFT, k->shift);
    x += w15 + g->gap;
    key(u, g, (hrc_rect){x, y, w15, g->key_h}, k->accents ? "abc" : "\xc3\xa0\xc3\xa9", NULL,
        k->accents ? _("Letters") : _("Accented letters"), action, KEY_PAGE, k->accents);
    x += w15 + g->gap;
    int space_w = 5 * step - g->gap;
    key(u, g, (hrc_rect){x, y, space_w, g->key_h}, _("Space"), NULL, _("Space"), action,
        KEY_SPACE, false);
    x += space_w + g->gap;
    int erase_w = u->x + g->cols * step - g->gap - x;
    key(u, g, (hrc_rect){x, y, erase_w, g->key_h}, NULL, ICON_BACKSPACE, _("Erase"), action,
        KEY_ERASE, false);
}

void osk_draw(ui *u, const osk *k, osk_kind kind, int action, const char *text)
{
    ui_flow_end(u);
    geometry g = measure(u, kind);
    if (kind == OSK_PIN || kind == OSK_NUMBER)
        draw_pin_pad(u, &g, action, kind == OSK_NUMBER);
    else
        draw_letters(u, &g, k, kind, action, text);
    u->y += osk_height(u, kind);
}

/* ---- Pressing --------------------------------------------------------- */

bool osk_press(osk *k, int arg, const char *text, hrc_input *out)
{
    return osk_press_kind(k, OSK_NAME, arg, text, out);
}

bool osk_press_kind(osk *k, osk_kind kind, int arg, const char *text, hrc_input *out)
{
    *out = (hrc_input){.kind = HRC_IN_TEXT};
    switch (arg) {
    case KEY_SHIFT:
        k->shift = !k->shift;
        return false;
    case KEY_PAGE:
        k->accents = !k->accents;
        return false;
    case KEY_ERASE:
        out->kind = HRC_IN_BACKSPACE;
        return true;
    default:
        break;
    }
    if (arg < ' ' || arg > 0xFFFF)
        return false;
    unsigned cp = (unsigned)arg;
    if (capitals(k, kind, text))
        cp = upper_cp(cp);
    put_cp(out->text, cp);
    if (arg != KEY_SPACE)
        k->shift = false; /* one letter only */
    return true;
}
