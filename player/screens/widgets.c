/* Widgets: text blocks, buttons, focus ring, the scroll view's rules. */
#include "screens/ui.h"

#include "screens/icons.h"

#include <stdio.h>
#include <string.h>

const hrc_module *ui_module(const hrc_app *app, int index)
{
    const hrc_course *c = app->cfg.course;
    if (!c || index < 0 || (size_t)index >= c->n_modules)
        return NULL;
    return c->modules[index];
}

const char *ui_pick(const hrc_app *app, const hrc_module *m, const hrc_text *t)
{
    return hrc_text_plain(t, app->lang, m ? m->default_lang : NULL);
}

bool ui_alt_open(const ui_alt_set *set, const void *key)
{
    for (size_t i = 0; set && i < set->n; i++)
        if (set->open[i] == key)
            return true;
    return false;
}

void ui_alt_toggle(ui_alt_set *set, const void *key)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        if (set->open[i] == key) {
            set->open[i] = set->open[--set->n];
            return;
        }
    if (set->n < UI_MAX_OPEN_ALTS)
        set->open[set->n++] = key;
}

/* Content rectangle to screen. */
static hrc_rect to_screen(const ui *u, hrc_rect r)
{
    if (u->in_scroll)
        r.y = u->view.y + r.y - u->scroll;
    return r;
}

static hrc_rect clip_area(const ui *u)
{
    return u->in_scroll ? u->view : (hrc_rect){0, 0, u->W, u->H};
}

/* ---- Describing targets (spoken guidance, tests) ------------------------- */

/* What a widget says about the target it is about to add; the screen's
 * ui_next_target() wins over it. */
static struct {
    hrc_role role;
    const char *state, *label, *lang;
    size_t prefix_len;
} widget_says;

static void widget_describes(hrc_role role, const char *state, const char *label,
                             const char *lang, size_t prefix_len)
{
    widget_says.role = role;
    widget_says.state = state;
    widget_says.label = label;
    widget_says.lang = lang;
    widget_says.prefix_len = prefix_len;
}

void ui_next_target(ui *u, hrc_role role, const char *state, const char *label,
                    const char *lang)
{
    spoken_state *s = &u->app->speech;
    s->next.set = true;
    s->next.role = role;
    s->next.state = state;
    s->next.label = label;
    s->next.lang = lang;
}

/* A button's state in words. */
static const char *state_words(button_state st)
{
    switch (st) {
    case BTN_SELECTED: return _("selected");
    case BTN_PICKED: return _("picked");
    case BTN_RIGHT: return _("correct");
    case BTN_WRONG: return _("not correct");
    case BTN_MISSED: return _("right answer, not picked");
    default: return NULL;
    }
}

/* A language's own name ("Français") is said in that language. */
static const char *lang_of_name(const char *label)
{
    size_t n = 0;
    const hrc_language *langs = hrc_i18n_languages(&n);
    for (size_t i = 0; label && i < n; i++)
        if (strcmp(label, langs[i].native_name) == 0)
            return langs[i].code;
    return NULL;
}

static void describe_target(ui *u, int index, bool listed, const char *shown)
{
    spoken_state *s = &u->app->speech;
    hrc_role role = widget_says.role;
    const char *state = widget_says.state, *label = widget_says.label;
    const char *lang = widget_says.lang;
    size_t prefix_len = widget_says.prefix_len;
    if (s->next.set) {
        if (s->next.role != HRC_ROLE_NONE)
            role = s->next.role;
        if (s->next.state)
            state = s->next.state;
        if (s->next.label) {
            label = s->next.label;
            prefix_len = 0;
        }
        if (s->next.lang)
            lang = s->next.lang;
    }
    if (role == HRC_ROLE_NONE)
        role = HRC_ROLE_BUTTON;
    if (listed)
        hrc_draw_target_describe(u->list, role, state, lang);
    spoken_record_target(u->app, index, label ? label : shown, role, state, lang, prefix_len);
    memset(&widget_says, 0, sizeof widget_says);
    memset(&s->next, 0, sizeof s->next);
}

void ui_say(ui *u, const char *text)
{
    spoken_record_say(u->app, text, NULL);
}

void ui_say_text(ui *u, const hrc_text *t)
{
    const hrc_module *m = ui_module(u->app, hrc_nav_top(&u->app->nav)->module);
    const hrc_variant *v = hrc_text_pick(t, u->app->lang, m ? m->default_lang : NULL);
    if (v)
        spoken_record_say(u->app, v->plain, v->lang);
}

void ui_say_overlay(ui *u)
{
    u->app->speech.overlay = true;
    u->app->speech.n_says = 0;
}

void ui_say_no_alerts(ui *u, bool on)
{
    u->app->speech.no_alerts = on;
}

static bool same_color(hrc_color a, hrc_color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* A paragraph for spoken guidance: its level, and whether it is a notice
 * (bold text in the alert or success colour). */
static void record_text(ui *u, const char *text, const char *lang, unsigned style, int px,
                        hrc_color color, int y0)
{
    if (!u->app->speech.recording)
        return;
    int level = px == u->h1_px ? 1 : px == u->h2_px ? 2 : 0;
    bool bold = style & HRC_FONT_BOLD;
    bool alert = bold && level == 0 &&
                 (same_color(color, u->pal->wrong) || same_color(color, u->pal->right));
    spoken_record_text(u->app, text, lang, level, bold && px == u->small_px, alert,
                       u->in_scroll, (hrc_rect){u->x, y0, u->w, u->y - y0});
}

int ui_add_target(ui *u, hrc_rect content, int action, int arg, const char *label,
              bool draggable)
{
    hrc_app *app = u->app;
    if (app->n_targets >= UI_MAX_TARGETS) {
        memset(&widget_says, 0, sizeof widget_says); /* it was for this one */
        memset(&app->speech.next, 0, sizeof app->speech.next);
        return -1;
    }
    int index = app->n_targets++;
    hrc_rect on_screen = to_screen(u, content);
    hrc_rect visible = hrc_rect_intersect(on_screen, clip_area(u));
    app->targets[index] = (ui_target){.rect = visible, .content = content,
                                      .scrolled = u->in_scroll, .draggable = draggable,
                                      .focusable = true, .action = action, .arg = arg};
    bool focused = index == u->focus;
    if (focused) {
        u->focus_seen = true;
        u->focus_content = content;
        u->focus_scrolled = u->in_scroll;
        if (visible.w > 0) {
            /* Two lines, dark outside and light inside: one of them stands
             * out on whatever the ring sits on or next to. */
            int t = u->ring;
            hrc_rect inner = {on_screen.x - t, on_screen.y - t, on_screen.w + 2 * t,
                              on_screen.h + 2 * t};
            hrc_rect outer = {inner.x - t, inner.y - t, inner.w + 2 * t, inner.h + 2 * t};
            hrc_draw_frame(u->list, outer, u->pal->focus, t);
            hrc_draw_frame(u->list, inner, u->pal->focus_inner, t);
        }
    }
    if (visible.w > 0)
        hrc_draw_target_add(u->list, visible, label, focused);
    describe_target(u, index, visible.w > 0, label);
    return index;
}

/* Emits the lines of u->lay at (x, y) content coordinates; lines that do
 * not lie wholly inside the visible area are left out (they scroll in). */
static void emit_layout(ui *u, int x, int y, int w, hrc_color color, int px)
{
    hrc_rect area = clip_area(u);
    hrc_rect bounds = hrc_rect_intersect((hrc_rect){x, area.y, w, area.h}, area);
    if (!u->in_scroll)
        bounds = hrc_rect_intersect((hrc_rect){x, y, w, u->lay.height}, area);
    for (size_t i = 0; i < u->lay.n_lines; i++) {
        const hrc_layout_line *line = &u->lay.lines[i];
        int ly = y + (int)i * u->lay.line_height;
        for (size_t r = 0; r < line->n_runs; r++) {
            const hrc_layout_run *run = &u->lay.runs[line->first_run + r];
            hrc_rect rect = to_screen(u, (hrc_rect){x + run->x, ly, run->width,
                                                    u->lay.line_height});
            if (run->width <= 0)
                continue;
            if (!hrc_rect_contains(bounds, rect)) {
                /* Out of the scroll view is fine (it scrolls in); cut
                 * sideways, or outside a fixed area, is a layout fault. */
                if (!u->in_scroll || rect.x < bounds.x ||
                    (long)rect.x + rect.w > (long)bounds.x + bounds.w)
                    u->app->dropped_runs++;
                continue;
            }
            hrc_draw_text(u->list, rect, bounds, (hrc_font){run->style, px}, color,
                          run->text, run->len);
        }
    }
}

void ui_flow_end(ui *u)
{
    if (!u->in_flow)
        return;
    u->y += u->flow_h + u->pad / 2;
    u->in_flow = false;
    u->flow_x = 0;
    u->flow_h = 0;
}

void ui_gap(ui *u, int h)
{
    ui_flow_end(u);
    u->y += h;
}

/* The language of interface strings and of texts given as plain strings:
 * the learner's, which picks both. */
const char *ui_lang(const ui *u)
{
    return u->app->lang;
}

/* Spans in language lang (its typography applies) at the cursor. */
static void spans_in(ui *u, const hrc_span *spans, size_t n, unsigned style, int px,
                     hrc_color color, int x, int w, const char *lang)
{
    if (hrc_layout_wrap(&u->lay, spans, n, style, px, w, lang, u->m) < 0)
        return;
    emit_layout(u, x, u->y, w, color, px);
    u->y += u->lay.height;
}

void ui_spans_at(ui *u, const hrc_span *spans, size_t n, unsigned style, int px,
                 hrc_color color, int x, int w)
{
    spans_in(u, spans, n, style, px, color, x, w, ui_lang(u));
}

void ui_text(ui *u, const hrc_text *t, unsigned style, int px, hrc_color color)
{
    ui_flow_end(u);
    const hrc_module *m = ui_module(u->app, hrc_nav_top(&u->app->nav)->module);
    const hrc_variant *v = hrc_text_pick(t, u->app->lang, m ? m->default_lang : NULL);
    if (!v)
        return;
    int y0 = u->y;
    hrc_span one = {.style = 0, .text = v->plain};
    spans_in(u, v->n_spans ? v->spans : &one, v->n_spans ? v->n_spans : 1, style, px,
             color, u->x, u->w, v->lang);
    record_text(u, v->plain, v->lang, style, px, color, y0);
}

void ui_plain(ui *u, const char *s, unsigned style, int px, hrc_color color)
{
    ui_flow_end(u);
    int y0 = u->y;
    hrc_span span = {.style = 0, .text = s ? s : ""};
    ui_spans_at(u, &span, 1, style, px, color, u->x, u->w);
    record_text(u, s, NULL, style, px, color, y0);
}

int ui_text_width(ui *u, const char *s, unsigned style, int px)
{
    int w = u->m->width(u->m->ctx, (hrc_font){style, px}, s, strlen(s));
    return w > 0 ? w : 0;
}

int ui_text_height(ui *u, const char *s, unsigned style, int px, int width)
{
    if (hrc_layout_wrap_plain(&u->lay, s, style, px, width, ui_lang(u), u->m) < 0)
        return 0;
    return u->lay.height;
}

int ui_option(ui *u, const char *label, int action, int arg, bool selected)
{
    return ui_button_icon(u, selected ? ICON_RADIO_ON : ICON_RADIO_OFF, label, action, arg,
                          selected ? BTN_SELECTED : BTN_QUIET);
}

void ui_section_heading(ui *u, const char *icon, const char *text)
{
    ui_flow_end(u);
    if (!icon) {
        ui_plain(u, text, HRC_FONT_BOLD, u->h2_px, u->pal->text);
        return;
    }
    int iw = ui_icon(u, icon, u->x, u->y, u->h2_px, u->pal->accent);
    u->x += iw + u->pad / 2;
    u->w -= iw + u->pad / 2;
    ui_plain(u, text, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    u->x -= iw + u->pad / 2;
    u->w += iw + u->pad / 2;
}

int ui_text_block_height(ui *u, const hrc_text *t, unsigned style, int px, int width)
{
    const hrc_module *m = ui_module(u->app, hrc_nav_top(&u->app->nav)->module);
    const hrc_variant *v = hrc_text_pick(t, u->app->lang, m ? m->default_lang : NULL);
    if (!v)
        return 0;
    hrc_span one = {.style = 0, .text = v->plain};
    if (hrc_layout_wrap(&u->lay, v->n_spans ? v->spans : &one, v->n_spans ? v->n_spans : 1,
                        style, px, width, v->lang, u->m) < 0)
        return 0;
    return u->lay.height;
}

int ui_fixed_text(ui *u, const char *s, unsigned style, int px, hrc_color color,
                  hrc_rect bounds)
{
    if (bounds.w <= 0 || bounds.h <= 0 ||
        hrc_layout_wrap_plain(&u->lay, s, style, px, bounds.w, ui_lang(u), u->m) < 0 ||
        u->lay.height > bounds.h || u->lay.width > bounds.w)
        return -1;
    bool was = u->in_scroll;
    u->in_scroll = false;
    hrc_rect area = hrc_rect_intersect(bounds, (hrc_rect){0, 0, u->W, u->H});
    for (size_t i = 0; i < u->lay.n_lines; i++) {
        const hrc_layout_line *line = &u->lay.lines[i];
        for (size_t r = 0; r < line->n_runs; r++) {
            const hrc_layout_run *run = &u->lay.runs[line->first_run + r];
            hrc_rect rect = {bounds.x + run->x, bounds.y + (int)i * u->lay.line_height,
                             run->width, u->lay.line_height};
            if (hrc_rect_contains(area, rect) && run->width > 0)
                hrc_draw_text(u->list, rect, area, (hrc_font){run->style, px}, color,
                              run->text, run->len);
        }
    }
    u->in_scroll = was;
    return u->lay.height;
}

static void button_colors(const ui *u, button_state st, hrc_color *bg, hrc_color *fg)
{
    switch (st) {
    case BTN_SELECTED: *bg = u->pal->selected; *fg = u->pal->selected_text; break;
    /* Right and wrong say so with their border, mark and words; the text
     * itself stays easy to read. */
    case BTN_RIGHT:
    case BTN_WRONG: *bg = u->pal->surface; *fg = u->pal->text; break;
    case BTN_PICKED: *bg = u->pal->picked; *fg = u->pal->text; break;
    case BTN_QUIET:
    case BTN_DONE:
    case BTN_MISSED: *bg = u->pal->surface; *fg = u->pal->text; break;
    default: *bg = u->pal->button; *fg = u->pal->button_text; break;
    }
}

/* The colour of a button's border, and of the mark in its icon column. */
static hrc_color button_mark(const ui *u, button_state st)
{
    switch (st) {
    case BTN_RIGHT:
    case BTN_MISSED: return u->pal->right;
    case BTN_WRONG: return u->pal->wrong;
    case BTN_PICKED: return u->pal->picked_border;
    case BTN_DONE: return u->pal->accent;
    case BTN_SELECTED: return u->pal->selected_text;
    case BTN_NORMAL: return u->pal->button_text;
    default: return u->pal->text;
    }
}

/* An outline t thick drawn in dashes (screen coordinates): what is not
 * there yet, or was not picked. */
static void dashed_frame(ui *u, hrc_rect r, hrc_color c, int t)
{
    if (t < 1)
        t = 1;
    int dash = 3 * t > 6 ? 3 * t : 6, step = dash + (2 * t > 4 ? 2 * t : 4);
    for (int x = r.x; x < r.x + r.w; x += step) {
        int w = r.x + r.w - x < dash ? r.x + r.w - x : dash;
        hrc_draw_rect(u->list, (hrc_rect){x, r.y, w, t}, c, 0);
        hrc_draw_rect(u->list, (hrc_rect){x, r.y + r.h - t, w, t}, c, 0);
    }
    for (int y = r.y + t; y < r.y + r.h - t; y += step) {
        int h = r.y + r.h - t - y < dash ? r.y + r.h - t - y : dash;
        hrc_draw_rect(u->list, (hrc_rect){r.x, y, t, h}, c, 0);
        hrc_draw_rect(u->list, (hrc_rect){r.x + r.w - t, y, t, h}, c, 0);
    }
}

static void button_face(ui *u, hrc_rect content, button_state st)
{
    hrc_color bg, fg;
    button_colors(u, st, &bg, &fg);
    hrc_rect r = to_screen(u, content);
    hrc_draw_rect(u->list, r, bg, u->pad / 3);
    if (st == BTN_QUIET || st == BTN_DONE) {
        int t = (u->ring + 1) / 2;
        hrc_draw_frame(u->list, r, u->pal->border, t > 0 ? t : 1);
    } else if (st == BTN_RIGHT || st == BTN_WRONG || st == BTN_PICKED) {
        hrc_draw_frame(u->list, r, button_mark(u, st), u->ring);
    } else if (st == BTN_MISSED) {
        dashed_frame(u, r, button_mark(u, st), u->ring);
    }
}

int ui_icon(ui *u, const char *icon, int x, int y, int px, hrc_color color)
{
    if (!icon || !*icon)
        return 0;
    hrc_font f = {HRC_FONT_ICON, px};
    size_t len = strlen(icon);
    int w = u->m->width(u->m->ctx, f, icon, len);
    int h = u->m->line_height(u->m->ctx, f);
    hrc_rect r = to_screen(u, (hrc_rect){x, y, w, h});
    hrc_rect area = clip_area(u);
    if (hrc_rect_contains(area, r))
        hrc_draw_text(u->list, r, area, f, color, icon, len);
    return w;
}

void ui_progress(ui *u, hrc_rect r, int done, int total)
{
    hrc_rect s = to_screen(u, r);
    hrc_draw_rect(u->list, s, u->pal->track, s.h / 2);
    if (total > 0 && done > 0) {
        int w = (int)((long long)s.w * (done > total ? total : done) / total);
        if (w < s.h)
            w = s.h; /* a round end even at one step */
        hrc_draw_rect(u->list, (hrc_rect){s.x, s.y, w, s.h}, u->pal->accent, s.h / 2);
    }
}

void ui_mark_main(ui *u, int target)
{
    if (target >= 0)
        u->main_target = target;
}

void ui_mark_reveal(ui *u, hrc_rect r)
{
    u->reveal = r;
    u->reveal_set = true;
}

int ui_button_width(ui *u, const char *icon, const char *label)
{
    int pad = u->pad, max_w = u->w;
    int icon_px = u->px * 6 / 5;
    int icon_w = icon ? u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px}, icon,
                                    strlen(icon)) + pad / 2
                      : 0;
    hrc_span span = {0, label};
    int text_w = max_w - 2 * pad - icon_w > 1 ? max_w - 2 * pad - icon_w : 1;
    if (hrc_layout_wrap(&u->lay, &span, 1, HRC_FONT_BOLD, u->px, text_w, ui_lang(u), u->m) ==
        0)
        text_w = u->lay.width;
    else
        text_w = ui_text_width(u, label, HRC_FONT_BOLD, u->px);
    int bw = text_w + 2 * pad + icon_w;
    if (bw < u->min_target)
        bw = u->min_target;
    return bw > max_w ? max_w : bw;
}

int ui_button(ui *u, const char *label, int action, int arg, button_state st)
{
    return ui_button_icon(u, NULL, label, action, arg, st);
}

int ui_button_icon(ui *u, const char *icon, const char *label, int action, int arg,
                   button_state st)
{
    return ui_button_named(u, icon, label, NULL, action, arg, st);
}

int ui_button_named(ui *u, const char *icon, const char *label, const char *name,
                    int action, int arg, button_state st)
{
    int pad = u->pad;
    int max_w = u->w;
    hrc_span span = {0, label};
    int icon_px = u->px * 6 / 5;
    int icon_w = icon ? u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px}, icon,
                                    strlen(icon)) + pad / 2
                      : 0;
    /* Size the button from the line breaker's own measure: the sum of
     * word widths can exceed the whole string's, and would wrap the label. */
    int text_w = max_w - 2 * pad - icon_w > 1 ? max_w - 2 * pad - icon_w : 1;
    if (hrc_layout_wrap(&u->lay, &span, 1, HRC_FONT_BOLD, u->px, text_w, ui_lang(u), u->m) ==
        0)
        text_w = u->lay.width;
    else
        text_w = ui_text_width(u, label, HRC_FONT_BOLD, u->px);
    int bw = text_w + 2 * pad + icon_w;
    if (bw < u->min_target)
        bw = u->min_target;
    if (bw > max_w)
        bw = max_w;
    int inner = bw - 2 * pad - icon_w > 1 ? bw - 2 * pad - icon_w : 1;
    int th = ui_text_height(u, label, HRC_FONT_BOLD, u->px, inner);
    int bh = th + pad;
    if (bh < u->min_target)
        bh = u->min_target;
    if (!u->in_flow) {
        u->in_flow = true;
        u->flow_x = 0;
        u->flow_h = 0;
    } else if (u->flow_x + bw > max_w) {
        u->y += u->flow_h + pad / 2;
        u->flow_x = 0;
        u->flow_h = 0;
    }
    hrc_rect content = {u->x + u->flow_x, u->y, bw, bh};
    button_face(u, content, st);
    hrc_color bg, fg;
    button_colors(u, st, &bg, &fg);
    int save_y = u->y;
    u->y = content.y + (bh - th) / 2;
    if (hrc_layout_wrap(&u->lay, &span, 1, HRC_FONT_BOLD, u->px, inner, ui_lang(u), u->m) ==
        0) {
        int tx = content.x + (bw - icon_w - u->lay.width) / 2 + icon_w;
        emit_layout(u, tx, u->y, inner, fg, u->px);
        if (icon) {
            int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
            ui_icon(u, icon, tx - icon_w, content.y + (bh - ih) / 2, icon_px, fg);
        }
    }
    u->y = save_y;
    widget_describes(HRC_ROLE_BUTTON, state_words(st), NULL, lang_of_name(label), 0);
    int index = ui_add_target(u, content, action, arg, name ? name : label, false);
    u->flow_x += bw + pad / 2;
    if (bh > u->flow_h)
        u->flow_h = bh;
    return index;
}

int ui_block_button(ui *u, const char *icon, const char *prefix, const hrc_text *t,
                    const char *plain, int action, int arg, button_state st,
                    bool draggable)
{
    ui_flow_end(u);
    int pad = u->pad;
    const hrc_module *m = ui_module(u->app, hrc_nav_top(&u->app->nav)->module);
    const hrc_variant *v = t ? hrc_text_pick(t, u->app->lang, m ? m->default_lang : NULL)
                             : NULL;
    hrc_span one = {0, plain ? plain : (v ? v->plain : "")};
    const hrc_span *spans = v && v->n_spans && !plain ? v->spans : &one;
    size_t n = v && v->n_spans && !plain ? v->n_spans : 1;
    int icon_px = u->px * 3 / 2;
    int icon_w = icon ? u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px}, icon,
                                    strlen(icon)) + pad * 2 / 3
                      : 0;
    int inner = u->w - 2 * pad - icon_w;
    if (inner < 1)
        inner = 1;
    /* A short bold line ("Correct answer") above the text, in the text
     * column, so that neither is squeezed at large text sizes. */
    int prefix_h = prefix && *prefix
                       ? ui_text_height(u, prefix, HRC_FONT_BOLD, u->small_px, inner)
                       : 0;
    const char *lang = v && !plain ? v->lang : ui_lang(u);
    if (hrc_layout_wrap(&u->lay, spans, n, 0, u->px, inner, lang, u->m) < 0)
        return -1;
    int text_h = u->lay.height;
    int th = text_h + prefix_h;
    /* The room a line may need later (u->block_head): the row keeps it,
     * its content centred. */
    if (u->block_head && *u->block_head) {
        int head_h = ui_text_height(u, u->block_head, HRC_FONT_BOLD, u->small_px, inner);
        if (hrc_layout_wrap(&u->lay, spans, n, 0, u->px, inner, lang, u->m) < 0)
            return -1;
        if (text_h + head_h > th)
            th = text_h + head_h;
    }
    int bh = th + pad;
    if (bh < u->min_target)
        bh = u->min_target;
    hrc_rect content = {u->x, u->y, u->w, bh};
    button_face(u, content, st);
    hrc_color bg, fg;
    button_colors(u, st, &bg, &fg);
    int ty = u->y + (bh - (text_h + prefix_h)) / 2;
    int tx = u->x + pad + icon_w;
    emit_layout(u, tx, ty + prefix_h, inner, fg, u->px);
    if (icon) {
        /* The mark sits on the text's first line, in its own column. */
        int line = u->lay.line_height;
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
        ui_icon(u, icon, u->x + pad, ty + prefix_h + (line - ih) / 2, icon_px,
                button_mark(u, st));
    }
    if (prefix_h) {
        hrc_span ps = {0, prefix};
        if (hrc_layout_wrap(&u->lay, &ps, 1, HRC_FONT_BOLD, u->small_px, inner, ui_lang(u),
                            u->m) == 0)
            emit_layout(u, tx, ty, inner,
                        st == BTN_RIGHT || st == BTN_WRONG || st == BTN_MISSED
                            ? button_mark(u, st) : fg, u->small_px);
    }
    char label[512];
    snprintf(label, sizeof label, "%s%s%s", prefix ? prefix : "", prefix ? " " : "",
             one.text);
    /* A text field shows what is typed and a "|" (a PIN: one dot a digit);
     * spoken guidance says its content, never a PIN's digits. */
    size_t len = strlen(one.text);
    bool field = action != ACT_NONE && len > 0 && one.text[len - 1] == '|';
    char typed[512], count[64] = "", named[600];
    if (field) {
        snprintf(typed, sizeof typed, "%.*s", (int)(len - 1), one.text);
        size_t dots = 0;
        while (strncmp(typed + dots * 3, "\xe2\x80\xa2", 3) == 0)
            dots++;
        if (dots && dots * 3 == strlen(typed)) {
            snprintf(count, sizeof count,
                     ngettext("%zu character typed", "%zu characters typed",
                              (unsigned long)dots), dots);
            typed[0] = '\0';
        }
        if (prefix && *prefix) {
            /* The field is called by its prefix ("Blank 2"): said before
             * what is typed in it. */
            snprintf(named, sizeof named, "%s %s", prefix, typed);
            widget_describes(HRC_ROLE_TEXT_FIELD, count, named, NULL, strlen(prefix) + 1);
        } else {
            widget_describes(HRC_ROLE_TEXT_FIELD, count, typed, NULL, 0);
        }
    } else {
        widget_describes(HRC_ROLE_BUTTON, st == BTN_DONE ? NULL : state_words(st), NULL,
                         v && !plain ? v->lang : NULL,
                         prefix && *prefix ? strlen(prefix) + 1 : 0);
    }
    /* With no action it is a card to read, not a button. */
    int index = -1;
    if (action != ACT_NONE) {
        index = ui_add_target(u, content, action, arg, label, draggable);
    } else {
        memset(&widget_says, 0, sizeof widget_says);
        memset(&u->app->speech.next, 0, sizeof u->app->speech.next);
        if (u->app->speech.recording) {
            /* Read as text: the prefix, then the card's own text. */
            if (prefix && *prefix)
                spoken_record_text(u->app, prefix, NULL, 0, false, false, u->in_scroll,
                                   content);
            spoken_record_text(u->app, one.text, v && !plain ? v->lang : NULL, 0, false, false,
                               u->in_scroll, content);
        }
    }
    u->y += bh + pad / 2;
    return index;
}

/* Height of plain text s wrapped at width w in lang. */
static int plain_height(ui *u, const char *s, unsigned style, int px, int w, const char *lang)
{
    hrc_span span = {0, s ? s : ""};
    if (hrc_layout_wrap(&u->lay, &span, 1, style, px, w > 1 ? w : 1, lang, u->m) < 0)
        return 0;
    return u->lay.height;
}

/* Plain text wrapped at (x, y), width w, content coordinates. */
static void plain_at(ui *u, const char *s, unsigned style, int x, int y, int w,
                     const char *lang, hrc_color color)
{
    hrc_span span = {0, s ? s : ""};
    if (hrc_layout_wrap(&u->lay, &span, 1, style, u->px, w > 1 ? w : 1, lang, u->m) == 0)
        emit_layout(u, x, y, w, color, u->px);
}

int ui_pair_row(ui *u, const char *icon, const char *left, const char *left_lang,
                const char *right, const char *right_lang, const char *placeholder,
                const char *const *slot_texts, size_t n, int want_left_w, int action,
                int arg, button_state st)
{
    ui_flow_end(u);
    int pad = u->pad, gap = pad / 2;
    const char *llang = left_lang ? left_lang : ui_lang(u);
    const char *rlang = right_lang ? right_lang : ui_lang(u);
    int icon_px = u->px * 3 / 2;
    int icon_w = icon ? u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px}, icon,
                                    strlen(icon)) + pad * 2 / 3
                      : 0;
    const char *arrow = ICON_FORWARD;
    int arrow_w = u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px}, arrow,
                              strlen(arrow));
    int inner = u->w - 2 * pad - icon_w;
    if (inner < 1)
        inner = 1;
    /* Side by side when the slot keeps room for a dozen words; else the
     * slot goes under the text. */
    bool side = inner >= u->px * 16;
    int share = inner - arrow_w - 2 * gap;
    int left_w = want_left_w > 0 ? want_left_w + 1 : share * 2 / 5;
    if (left_w > share / 2)
        left_w = share / 2;
    if (left_w < share / 5)
        left_w = share / 5;
    if (!side)
        left_w = inner;
    int slot_x = side ? left_w + arrow_w + 2 * gap : 0;
    int slot_w = side ? inner - slot_x : inner;
    int slot_pad = pad / 2;
    int text_w = slot_w - 2 * slot_pad;
    int left_h = plain_height(u, left, 0, u->px, left_w, llang);
    int slot_h = plain_height(u, placeholder, HRC_FONT_ITALIC, u->px, text_w, ui_lang(u));
    for (size_t i = 0; i < n; i++) {
        int h = plain_height(u, slot_texts[i], 0, u->px, text_w, rlang);
        if (h > slot_h)
            slot_h = h;
    }
    int h = plain_height(u, right ? right : "", 0, u->px, text_w, rlang);
    if (h > slot_h)
        slot_h = h;
    int slot_box_h = slot_h + 2 * slot_pad;
    int th = side ? (left_h > slot_box_h ? left_h : slot_box_h) : left_h + gap + slot_box_h;
    int bh = th + pad;
    if (bh < u->min_target)
        bh = u->min_target;
    hrc_rect content = {u->x, u->y, u->w, bh};
    button_face(u, content, st);
    hrc_color bg, fg;
    button_colors(u, st, &bg, &fg);
    int ty = u->y + (bh - th) / 2;
    int tx = u->x + pad + icon_w;
    int line = u->m->line_height(u->m->ctx, (hrc_font){0, u->px});
    /* The text, centred on the slot when side by side. */
    int ly = side ? ty + (th - left_h) / 2 : ty;
    plain_at(u, left, 0, tx, ly, left_w, llang, fg);
    if (icon) {
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
        ui_icon(u, icon, u->x + pad, ly + (line - ih) / 2, icon_px, button_mark(u, st));
    }
    hrc_rect slot = side ? (hrc_rect){tx + slot_x, ty + (th - slot_box_h) / 2, slot_w, slot_box_h}
                         : (hrc_rect){tx, ty + left_h + gap, slot_w, slot_box_h};
    if (side) {
        int ah = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, u->px});
        ui_icon(u, arrow, tx + left_w + gap, slot.y + (slot.h - ah) / 2, u->px, u->pal->muted);
    }
    hrc_rect ss = to_screen(u, slot);
    int t = (u->ring + 1) / 2;
    bool filled = right && *right;
    hrc_draw_rect(u->list, ss, filled ? u->pal->background : u->pal->surface, u->pad / 4);
    if (filled)
        hrc_draw_frame(u->list, ss, u->pal->border, t > 0 ? t : 1);
    else
        dashed_frame(u, ss, u->pal->muted, t > 0 ? t : 1);
    if (filled) {
        int rh = plain_height(u, right, 0, u->px, text_w, rlang);
        plain_at(u, right, 0, slot.x + slot_pad, slot.y + (slot.h - rh) / 2, text_w, rlang,
                 u->pal->text);
    } else {
        int rh = plain_height(u, placeholder, HRC_FONT_ITALIC, u->px, text_w, ui_lang(u));
        plain_at(u, placeholder, HRC_FONT_ITALIC, slot.x + slot_pad, slot.y + (slot.h - rh) / 2,
                 text_w, ui_lang(u), u->pal->muted);
    }
    char label[1024];
    snprintf(label, sizeof label, "%s \xe2\x86\x92 %s", left ? left : "",
             filled ? right : placeholder ? placeholder : "");
    widget_describes(HRC_ROLE_BUTTON, state_words(st), NULL, NULL, 0);
    int index = ui_add_target(u, content, action, arg, label, false);
    u->y += bh + pad / 2;
    return index;
}

void ui_entry(ui *u, const char *icon, hrc_color mark, const char *head, const hrc_text *t,
              const char *plain)
{
    ui_flow_end(u);
    int icon_px = u->px * 3 / 2;
    int iw = icon ? u->m->width(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px}, icon,
                                strlen(icon)) + u->pad * 2 / 3
                  : 0;
    int y0 = u->y;
    u->x += iw;
    u->w -= iw;
    if (head && *head)
        ui_plain(u, head, HRC_FONT_BOLD, u->small_px, u->pal->muted);
    int text_y = u->y;
    if (t)
        ui_text(u, t, 0, u->px, u->pal->text);
    else if (plain)
        ui_plain(u, plain, 0, u->px, u->pal->text);
    u->x -= iw;
    u->w += iw;
    if (icon) {
        /* The mark on the text's first line, as a button's would be. */
        int line = u->m->line_height(u->m->ctx, (hrc_font){0, u->px});
        int ih = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
        ui_icon(u, icon, u->x, (t || plain ? text_y : y0) + (line - ih) / 2, icon_px, mark);
    }
    u->y += u->pad / 2;
}

void ui_box_begin(ui *u, hrc_rect *box_start)
{
    ui_flow_end(u);
    /* The box is drawn behind the text: remember where its rect goes and
     * fill it in ui_box_end() by inserting a command. */
    *box_start = (hrc_rect){u->x, u->y, (int)u->list->count, u->w};
    u->x += u->pad;
    u->w -= 2 * u->pad;
    u->y += u->pad / 2;
}

void ui_box_end(ui *u, hrc_rect box_start, hrc_color bg)
{
    ui_flow_end(u);
    u->x -= u->pad;
    u->w += 2 * u->pad;
    u->y += u->pad / 2;
    hrc_rect content = {box_start.x, box_start.y, box_start.h, u->y - box_start.y};
    ui_behind(u, (size_t)box_start.w, content, bg);
    u->y += u->pad / 2;
}

void ui_behind(ui *u, size_t at, hrc_rect content, hrc_color bg)
{
    size_t before = u->list->count;
    hrc_draw_rect(u->list, to_screen(u, content), bg, u->pad / 3);
    hrc_draw_frame(u->list, to_screen(u, content), u->pal->border, 1);
    if (u->list->count == before + 2 && at < before) {
        /* Move the two new commands to where the box began. */
        hrc_draw_cmd box[2] = {u->list->cmds[before], u->list->cmds[before + 1]};
        memmove(&u->list->cmds[at + 2], &u->list->cmds[at],
                (before - at) * sizeof box[0]);
        u->list->cmds[at] = box[0];
        u->list->cmds[at + 1] = box[1];
    }
}

void ui_image(ui *u, const hrc_image *img, hrc_rect r)
{
    if (!img->resolved || img->width <= 0 || img->height <= 0)
        return;
    /* Cover the box, keeping the aspect: the picture is centred in it. */
    hrc_rect s = to_screen(u, r);
    if (hrc_rect_intersect(s, clip_area(u)).w > 0)
        hrc_draw_image(u->list, s, img->resolved);
}

/* A list item: its bullet or number in the margin, its text indented. */
static void bulleted_item(ui *u, const char *bullet, int indent, const hrc_text *item,
                          hrc_color color)
{
    int y0 = u->y;
    hrc_span bs = {0, bullet};
    ui_spans_at(u, &bs, 1, 0, u->px, color, u->x, indent);
    u->y = y0;
    u->x += indent;
    u->w -= indent;
    ui_text(u, item, 0, u->px, color);
    u->x -= indent;
    u->w += indent;
}

void ui_blocks(ui *u, const hrc_block *blocks, size_t n, int action_alt,
               const ui_alt_set *alts)
{
    ui_blocks_from(u, blocks, 0, n, action_alt, alts);
}

void ui_blocks_from(ui *u, const hrc_block *blocks, size_t from, size_t to, int action_alt,
                    const ui_alt_set *alts)
{
    hrc_app *app = u->app;
    const hrc_module *m = ui_module(app, hrc_nav_top(&app->nav)->module);
    const hrc_palette *p = u->pal;
    for (size_t i = from; i < to; i++) {
        const hrc_block *b = &blocks[i];
        switch (b->kind) {
        case HRC_BLOCK_HEADING:
            ui_gap(u, u->pad / 2);
            ui_text(u, &b->text, HRC_FONT_BOLD, b->level <= 2 ? u->h2_px : u->px, p->text);
            ui_gap(u, u->pad / 3);
            break;
        case HRC_BLOCK_PARAGRAPH:
            ui_text(u, &b->text, 0, u->px, p->text);
            ui_gap(u, u->pad / 2);
            break;
        case HRC_BLOCK_LIST:
            for (size_t k = 0; k < b->n_items; k++) {
                char bullet[32];
                if (b->ordered)
                    snprintf(bullet, sizeof bullet, "%zu.", k + 1);
                else
                    snprintf(bullet, sizeof bullet, "\xe2\x80\xa2"); /* U+2022 */
                int indent = ui_text_width(u, "00.", 0, u->px);
                int bw = ui_text_width(u, bullet, 0, u->px);
                indent = (bw > indent ? bw : indent) + u->pad / 2;
                bulleted_item(u, bullet, indent, &b->items[k], p->text);
                ui_gap(u, u->pad / 4);
            }
            ui_gap(u, u->pad / 2);
            break;
        case HRC_BLOCK_QUOTE: {
            hrc_rect box;
            ui_box_begin(u, &box);
            ui_text(u, &b->text, HRC_FONT_ITALIC, u->px, p->text);
            if (!hrc_text_is_empty(&b->source)) {
                const hrc_variant *v =
                    hrc_text_pick(&b->source, app->lang, m ? m->default_lang : NULL);
                char src[512];
                snprintf(src, sizeof src, "\xe2\x80\x94 %s", v->plain);
                hrc_span span = {.style = 0, .text = src};
                ui_flow_end(u);
                spans_in(u, &span, 1, 0, u->small_px, p->muted, u->x, u->w, v->lang);
            }
            ui_box_end(u, box, p->surface);
            break;
        }
        case HRC_BLOCK_IMAGE: {
            const hrc_image *img = &b->image;
            int iw = img->width, ih = img->height; /* read by the loader */
            bool known = img->resolved && iw > 0 && ih > 0;
            if (known) {
                int w = u->w, h = (int)((long long)ih * w / iw);
                int max_h = u->view.h * 2 / 3;
                if (h > max_h) {
                    h = max_h;
                    w = (int)((long long)iw * h / ih);
                }
                hrc_rect r = {u->x, u->y, w, h};
                hrc_rect s = to_screen(u, r);
                if (hrc_rect_intersect(s, u->view).w > 0)
                    hrc_draw_image(u->list, s, img->resolved ? img->resolved : img->src);
                u->y += h + u->pad / 3;
            }
            if (!hrc_text_is_empty(&img->caption))
                ui_text(u, &img->caption, HRC_FONT_ITALIC, u->small_px, p->muted);
            if (!hrc_text_is_empty(&img->credit))
                ui_text(u, &img->credit, 0, u->small_px, p->muted);
            /* The description: always shown when the image cannot be, and
             * always what spoken guidance reads for the image. */
            bool open = ui_alt_open(alts, img) || !known;
            const hrc_variant *alt = hrc_text_pick(&img->alt, app->lang,
                                                   m ? m->default_lang : NULL);
            if (alt)
                spoken_record_image(app, alt->plain, alt->lang, u->in_scroll,
                                    (hrc_rect){u->x, u->y, u->w, 1});
            if (known && alts)
                ui_button(u, open ? _("Hide description") : _("Show image description"),
                          action_alt, (int)i, BTN_QUIET);
            ui_flow_end(u);
            if (open) {
                bool rec = app->speech.recording;
                app->speech.recording = false; /* read once, as the image's */
                ui_text(u, &img->alt, 0, u->px, p->text);
                app->speech.recording = rec;
            }
            ui_gap(u, u->pad / 2);
            break;
        }
        case HRC_BLOCK_KEYFACTS: {
            hrc_rect box;
            ui_box_begin(u, &box);
            if (!hrc_text_is_empty(&b->text))
                ui_text(u, &b->text, HRC_FONT_BOLD, u->px, p->text);
            else
                ui_plain(u, _("Key facts"), HRC_FONT_BOLD, u->px, p->text);
            ui_gap(u, u->pad / 4);
            for (size_t k = 0; k < b->n_items; k++) {
                const char *bullet = "\xe2\x80\xa2"; /* U+2022 */
                int indent = ui_text_width(u, bullet, 0, u->px) + u->pad / 2;
                bulleted_item(u, bullet, indent, &b->items[k], p->text);
            }
            ui_box_end(u, box, p->surface);
            break;
        }
        }
    }
}

void ui_shield(ui *u, hrc_rect content)
{
    hrc_app *app = u->app;
    if (app->n_targets >= UI_MAX_TARGETS)
        return;
    hrc_rect visible = hrc_rect_intersect(to_screen(u, content), clip_area(u));
    app->targets[app->n_targets++] = (ui_target){.rect = visible, .content = content,
                                                 .scrolled = u->in_scroll, .focusable = false,
                                                 .action = ACT_NONE};
}

void ui_fit(ui *u, const char *text, unsigned style, int px, int w, char *out, size_t size)
{
    if (!size)
        return;
    snprintf(out, size, "%s", text ? text : "");
    if (ui_text_width(u, out, style, px) <= w)
        return;
    static const char dots[] = "\xe2\x80\xa6"; /* U+2026 */
    /* The character boundaries, then the longest start that fits with the
     * dots (the widths grow with the length: a binary search). */
    size_t len = strlen(out), cuts[1024], k = 0;
    for (size_t i = 0; i < len && k < sizeof cuts / sizeof cuts[0]; i++)
        if (((unsigned char)out[i] & 0xC0) != 0x80)
            cuts[k++] = i;
    size_t lo = 0, hi = k; /* cuts[lo] fits (0: the dots alone); cuts[hi] may not */
    char trial[1100];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        snprintf(trial, sizeof trial, "%.*s%s", (int)cuts[mid], out, dots);
        if (ui_text_width(u, trial, style, px) <= w)
            lo = mid;
        else
            hi = mid;
    }
    size_t keep = k ? cuts[lo] : 0;
    while (keep > 0 && out[keep - 1] == ' ')
        keep--;
    if (keep + sizeof dots > size)
        keep = 0;
    memcpy(out + keep, dots, sizeof dots);
}

int ui_line_at(ui *u, const char *text, unsigned style, int px, hrc_color color, int x, int y,
               int w)
{
    char line[1024];
    int h = u->m->line_height(u->m->ctx, (hrc_font){style, px});
    if (w <= 0 || !text || !*text)
        return h;
    ui_fit(u, text, style, px, w, line, sizeof line);
    int tw = ui_text_width(u, line, style, px);
    if (tw > w) /* not even the dots fit */
        return h;
    hrc_rect area = clip_area(u);
    hrc_rect r = to_screen(u, (hrc_rect){x, y, tw, h});
    hrc_rect bounds = hrc_rect_intersect((hrc_rect){x, area.y, w, area.h}, area);
    if (!u->in_scroll)
        bounds = hrc_rect_intersect((hrc_rect){x, y, w, h}, area);
    if (hrc_rect_contains(bounds, r))
        hrc_draw_text(u->list, r, bounds, (hrc_font){style, px}, color, line, strlen(line));
    return h;
}

int ui_lines_at(ui *u, const char *text, unsigned style, int px, hrc_color color, int x, int y,
                int w, int max_lines)
{
    if (!text || !*text || w <= 0 || max_lines < 1 ||
        hrc_layout_wrap_plain(&u->lay, text, style, px, w, ui_lang(u), u->m) < 0)
        return 0;
    int lh = u->lay.line_height;
    if (u->lay.n_lines <= (size_t)max_lines) {
        emit_layout(u, x, y, w, color, px);
        return u->lay.height;
    }
    /* The first lines as they are, the rest on the last one, cut. */
    char rest[1024];
    const hrc_layout_line *last = &u->lay.lines[max_lines - 1];
    snprintf(rest, sizeof rest, "%s", u->lay.runs[last->first_run].text);
    u->lay.n_lines = (size_t)max_lines - 1;
    emit_layout(u, x, y, w, color, px);
    ui_line_at(u, rest, style, px, color, x, y + (max_lines - 1) * lh, w);
    return max_lines * lh;
}
