/*
 * bars.c: the top bar and the bottom bar. A bar's buttons are queued, then
 * laid out as a whole: the left group from the left end, the right group
 * from the right end, a status line between them when it fits (centred on
 * the screen when it can be, so it does not move as buttons come and
 * go), and more rows only when the screen is too narrow for one (large
 * text, portrait).
 */
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

void ui_bar_clear(ui *u)
{
    u->n_bar = 0;
    u->bar_status[0] = '\0';
    u->bar_status_alert = false;
    u->bar_status_short = false;
}

void ui_bar_add(ui *u, bool right, const char *icon, const char *label, int action,
                int arg, button_state st)
{
    if (u->n_bar >= UI_BAR_MAX)
        return;
    ui_bar_item *b = &u->bar[u->n_bar++];
    memset(b, 0, sizeof *b);
    b->icon = icon;
    snprintf(b->label, sizeof b->label, "%s", label ? label : "");
    b->action = action;
    b->arg = arg;
    b->state = st;
    b->right = right;
}

void ui_bar_main(ui *u, const char *icon, const char *label, int action, int arg)
{
    ui_bar_add(u, true, icon, label, action, arg, BTN_NORMAL);
    if (u->n_bar > 0)
        u->bar[u->n_bar - 1].main = true;
}

void ui_bar_status(ui *u, const char *text, bool alert)
{
    snprintf(u->bar_status, sizeof u->bar_status, "%s", text ? text : "");
    u->bar_status_alert = alert;
    u->bar_status_short = false;
}

void ui_bar_title(ui *u, const char *text)
{
    ui_bar_status(u, text, false);
    u->bar_status_short = true;
}

/* Button sizes as ui_button_icon() will draw them, on one line when they can. */
static void measure(ui *u, int width)
{
    int icon_px = u->px * 6 / 5;
    int max_w = width - 2 * u->pad > 1 ? width - 2 * u->pad : 1;
    for (int i = 0; i < u->n_bar; i++) {
        ui_bar_item *b = &u->bar[i];
        int icon_w = b->icon ? u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px},
                                           b->icon, strlen(b->icon)) + u->pad / 2
                             : 0;
        hrc_span span = {0, b->label};
        int text_w = max_w - 2 * u->pad - icon_w > 1 ? max_w - 2 * u->pad - icon_w : 1;
        if (hrc_layout_wrap(&u->lay, &span, 1, HRC_FONT_BOLD, u->px, text_w, ui_lang(u), u->m) ==
            0)
            text_w = u->lay.width;
        b->w = text_w + 2 * u->pad + icon_w;
        if (b->w < u->min_target)
            b->w = u->min_target;
        if (b->w > max_w)
            b->w = max_w;
        int inner = b->w - 2 * u->pad - icon_w > 1 ? b->w - 2 * u->pad - icon_w : 1;
        b->h = ui_text_height(u, b->label, HRC_FONT_BOLD, u->px, inner) + u->pad;
        if (b->h < u->min_target)
            b->h = u->min_target;
    }
}

/* Rows of the bar: which items each holds; returns the number of rows. */
enum { MAX_ROWS = UI_BAR_MAX + 1 };
typedef struct bar_rows {
    int first[MAX_ROWS], count[MAX_ROWS], height[MAX_ROWS];
    int status_row; /* -1: no status, or it shares no row */
    int status_h;
    int n;
} bar_rows;

/* Cuts text to fit `room` pixels with an ellipsis, at a space when one is
 * near the end. */
static void shorten(ui *u, char *text, size_t size, int room)
{
    static const char ellipsis[] = "\xe2\x80\xa6";
    int ew = ui_text_width(u, ellipsis, 0, u->small_px);
    size_t n = strlen(text);
    while (n > 0) {
        /* Back one character. */
        do
            n--;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80);
        char saved = text[n];
        text[n] = '\0';
        int w = ui_text_width(u, text, 0, u->small_px);
        text[n] = saved;
        if (w + ew <= room)
            break;
    }
    size_t cut = n;
    while (cut > 0 && text[cut - 1] == ' ')
        cut--;
    if (cut + sizeof ellipsis <= size) {
        memcpy(text + cut, ellipsis, sizeof ellipsis);
    } else {
        text[0] = '\0';
    }
}

static void plan(ui *u, int width, bar_rows *r)
{
    measure(u, width);
    int gap = u->pad / 2, avail = width - 2 * u->pad;
    memset(r, 0, sizeof *r);
    r->status_row = -1;
    int total = 0;
    for (int i = 0; i < u->n_bar; i++)
        total += u->bar[i].w + (i ? gap : 0);
    /* Measured as drawn: an alert is bold, so wider. */
    unsigned style = u->bar_status_alert ? HRC_FONT_BOLD : 0;
    int status_w = u->bar_status[0] ? ui_text_width(u, u->bar_status, style, u->small_px) : 0;
    if (u->bar_status[0])
        r->status_h = ui_text_height(u, u->bar_status, style, u->small_px, avail);
    if (total <= avail) { /* one row for the buttons */
        r->n = u->n_bar ? 1 : 0;
        r->first[0] = 0;
        r->count[0] = u->n_bar;
        for (int i = 0; i < u->n_bar; i++)
            if (u->bar[i].h > r->height[0])
                r->height[0] = u->bar[i].h;
        /* A status that is only information (a module's title) is cut to the
         * room between the groups rather than given a row of its own; an
         * alert is never cut. */
        int room = avail - total - 2 * u->pad;
        if (u->bar_status[0] && r->n && !u->bar_status_alert && status_w > room &&
            u->bar_status_short) {
            if (room >= u->small_px * 8)
                shorten(u, u->bar_status, sizeof u->bar_status, room);
            else
                u->bar_status[0] = '\0';
            status_w = u->bar_status[0] ? ui_text_width(u, u->bar_status, 0, u->small_px) : 0;
            r->status_h = u->bar_status[0] ? ui_text_height(u, u->bar_status, 0, u->small_px,
                                                            avail)
                                           : 0;
        }
        if (u->bar_status[0] && r->n && total + status_w + 2 * u->pad <= avail &&
            r->status_h <= r->height[0])
            r->status_row = 0; /* between the two groups */
        return;
    }
    int x = 0;
    for (int i = 0; i < u->n_bar && r->n < MAX_ROWS; i++) {
        const ui_bar_item *b = &u->bar[i];
        if (r->n == 0 || x + b->w > avail) {
            r->first[r->n] = i;
            r->n++;
            x = 0;
        }
        r->count[r->n - 1]++;
        x += b->w + gap;
        if (b->h > r->height[r->n - 1])
            r->height[r->n - 1] = b->h;
    }
}

int ui_bar_height(ui *u, int width)
{
    if (!u->n_bar && !u->bar_status[0])
        return 0;
    bar_rows r;
    plan(u, width, &r);
    int h = u->pad / 2;
    for (int i = 0; i < r.n; i++)
        h += r.height[i] + u->pad / 2;
    if (u->bar_status[0] && r.status_row < 0)
        h += r.status_h + u->pad / 2;
    return h + u->pad / 4;
}

void ui_bar_draw(ui *u, hrc_rect area, hrc_color bg)
{
    if (!u->n_bar && !u->bar_status[0])
        return;
    bar_rows r;
    plan(u, area.w, &r);
    hrc_draw_rect(u->list, area, bg, 0);
    /* Spoken guidance says an alert when it appears, and reads the status
     * with the page. */
    spoken_record_status(u->app, u->bar_status, u->bar_status_alert);
    bool saved_scroll = u->in_scroll;
    int saved_x = u->x, saved_w = u->w, saved_y = u->y;
    u->in_scroll = false;
    u->in_flow = false;
    int gap = u->pad / 2, y = area.y + u->pad / 2;
    hrc_color status_color = u->bar_status_alert ? u->pal->wrong : u->pal->muted;
    if (u->bar_status[0] && r.status_row < 0) {
        hrc_rect box = {area.x + u->pad, y, area.w - 2 * u->pad, r.status_h};
        ui_fixed_text(u, u->bar_status, u->bar_status_alert ? HRC_FONT_BOLD : 0,
                      u->small_px, status_color, box);
        y += r.status_h + u->pad / 2;
    }
    for (int row = 0; row < r.n; row++) {
        int lx = area.x + u->pad, rx = area.x + area.w - u->pad;
        int left_end = lx;
        /* The right group is packed from the right end, in order. */
        int right_w = 0;
        for (int k = 0; k < r.count[row]; k++) {
            const ui_bar_item *b = &u->bar[r.first[row] + k];
            if (b->right)
                right_w += b->w + gap;
        }
        int rx0 = rx - (right_w ? right_w - gap : 0);
        if (rx0 < lx)
            rx0 = lx;
        for (int k = 0; k < r.count[row]; k++) {
            int i = r.first[row] + k;
            ui_bar_item *b = &u->bar[i];
            int x;
            if (b->right && r.n == 1) {
                x = rx0;
                rx0 += b->w + gap;
            } else {
                x = lx;
                lx += b->w + gap;
                left_end = lx;
            }
            u->x = x;
            u->w = b->w;
            u->y = y + (r.height[row] - b->h) / 2;
            u->in_flow = false;
            int t = ui_button_icon(u, b->icon, b->label, b->action, b->arg,
                                   (button_state)b->state);
            if (b->main)
                ui_mark_main(u, t);
            u->in_flow = false;
        }
        if (row == r.status_row) {
            int sx = left_end, ex = rx - (right_w ? right_w - gap : 0) - gap;
            hrc_rect box = {sx, y + (r.height[row] - r.status_h) / 2, ex - sx, r.status_h};
            int tw = ui_text_width(u, u->bar_status, u->bar_status_alert ? HRC_FONT_BOLD : 0,
                                   u->small_px);
            int mid = area.x + (area.w - tw) / 2;
            if (tw < box.w && mid >= box.x && mid + tw <= box.x + box.w) {
                /* Centred on the screen, so that it stays in one place
                 * whatever buttons come and go at either end. */
                box.x = mid;
                box.w = tw + 1;
            } else if (tw < box.w) { /* else centred between the groups */
                box.x += (box.w - tw) / 2;
                box.w = tw + 1;
            }
            ui_fixed_text(u, u->bar_status, u->bar_status_alert ? HRC_FONT_BOLD : 0,
                          u->small_px, status_color, box);
        }
        y += r.height[row] + u->pad / 2;
    }
    u->in_scroll = saved_scroll;
    u->x = saved_x;
    u->w = saved_w;
    u->y = saved_y;
    u->in_flow = false;
}
