/* A case study: place, country, kind of government, themes, context,
 * actions, outcomes, sources. */
#include "screens/icons.h"
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_ALT_CONTEXT = ACT_SCREEN, ACT_ALT_OUTCOME };

/* A case study's own state: which image descriptions are open. */
typedef struct case_state {
    ui_alt_set alts;
} case_state;

static const char *gov_kind_label(hrc_gov_kind k)
{
    switch (k) {
    case HRC_GOV_CITY: return _("City or municipality");
    case HRC_GOV_REGION: return _("Region");
    case HRC_GOV_PROVINCE: return _("Province");
    case HRC_GOV_DISTRICT: return _("District");
    case HRC_GOV_METROPOLIS: return _("Metropolitan area");
    default: return _("Other local government");
    }
}

/* The campaign's areas of action, for the theme labels. */
static const char *theme_label(hrc_theme t)
{
    static const char *const labels[HRC_THEME_COUNT] = {
        [HRC_THEME_ACCESSIBILITY] = N_("Accessibility"),
        [HRC_THEME_ANTI_DISCRIMINATION] = N_("Anti-discrimination and anti-xenophobia"),
        [HRC_THEME_ANTI_RACISM] = N_("Anti-racism"),
        [HRC_THEME_CLIMATE_ENVIRONMENT] = N_("Climate and environment"),
        [HRC_THEME_CULTURE] = N_("Culture and cultural rights"),
        [HRC_THEME_PARTICIPATORY_DEMOCRACY] = N_("Participatory democracy"),
        [HRC_THEME_RIGHT_TO_FOOD] = N_("Right to food and food security"),
        [HRC_THEME_RIGHT_TO_EDUCATION] = N_("Right to education"),
        [HRC_THEME_WOMENS_RIGHTS] = N_("Women's rights"),
        [HRC_THEME_HUMAN_RIGHTS_EDUCATION] = N_("Human rights education"),
        [HRC_THEME_EQUALITY_POVERTY] = N_("Equality and the fight against poverty"),
        [HRC_THEME_INCLUSION_MARGINALISED] =
            N_("Inclusion of marginalised groups (migrants, homeless people, LGBTIQ+)"),
        [HRC_THEME_YOUTH_CHILDREN] = N_("Youth and children"),
        [HRC_THEME_HOUSING] = N_("Housing"),
        [HRC_THEME_MEMORY_PEACE_SECURITY] =
            N_("Historical memory, culture of peace and security"),
        [HRC_THEME_ACCOUNTABILITY_TRANSPARENCY] = N_("Accountability and transparency"),
        [HRC_THEME_PUBLIC_HEALTH] = N_("Public health"),
        [HRC_THEME_BASIC_SERVICES] =
            N_("Basic services (including the rights of access to water and sanitation)"),
    };
    return (unsigned)t < HRC_THEME_COUNT ? _(labels[t]) : "";
}

/* One icon for each of the campaign's areas of action. */
static const char *theme_icon(hrc_theme t)
{
    static const char *const icons[HRC_THEME_COUNT] = {
        [HRC_THEME_ACCESSIBILITY] = ICON_AREA_ACCESSIBILITY,
        [HRC_THEME_ANTI_DISCRIMINATION] = ICON_AREA_ANTI_DISCRIMINATION,
        [HRC_THEME_ANTI_RACISM] = ICON_AREA_ANTI_RACISM,
        [HRC_THEME_CLIMATE_ENVIRONMENT] = ICON_AREA_CLIMATE,
        [HRC_THEME_CULTURE] = ICON_AREA_CULTURE,
        [HRC_THEME_PARTICIPATORY_DEMOCRACY] = ICON_AREA_PARTICIPATION,
        [HRC_THEME_RIGHT_TO_FOOD] = ICON_AREA_FOOD,
        [HRC_THEME_RIGHT_TO_EDUCATION] = ICON_AREA_EDUCATION,
        [HRC_THEME_WOMENS_RIGHTS] = ICON_AREA_WOMEN,
        [HRC_THEME_HUMAN_RIGHTS_EDUCATION] = ICON_AREA_HR_EDUCATION,
        [HRC_THEME_EQUALITY_POVERTY] = ICON_AREA_POVERTY,
        [HRC_THEME_INCLUSION_MARGINALISED] = ICON_AREA_INCLUSION,
        [HRC_THEME_YOUTH_CHILDREN] = ICON_AREA_YOUTH,
        [HRC_THEME_HOUSING] = ICON_AREA_HOUSING,
        [HRC_THEME_MEMORY_PEACE_SECURITY] = ICON_AREA_MEMORY_PEACE,
        [HRC_THEME_ACCOUNTABILITY_TRANSPARENCY] = ICON_AREA_ACCOUNTABILITY,
        [HRC_THEME_PUBLIC_HEALTH] = ICON_AREA_HEALTH,
        [HRC_THEME_BASIC_SERVICES] = ICON_AREA_SERVICES,
    };
    return (unsigned)t < HRC_THEME_COUNT ? icons[t] : NULL;
}

const char *screen_theme_label(hrc_theme t)
{
    return theme_label(t);
}

const char *screen_theme_icon(hrc_theme t)
{
    return theme_icon(t);
}

static void heading(ui *u, const char *s)
{
    ui_gap(u, u->pad / 2);
    ui_plain(u, s, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 3);
}

/* An area of action: its icon and name on a row of their own, the name
 * wrapped beside the icon when long. */
static void area_row(ui *u, hrc_theme t)
{
    int icon_px = u->px * 5 / 4;
    int y0 = u->y;
    int iw = ui_icon(u, theme_icon(t), u->x, u->y, icon_px, u->pal->accent);
    int line = u->m->line_height(u->m->ctx, (hrc_font){HRC_FONT_ICON, icon_px});
    u->x += iw + u->pad / 2;
    u->w -= iw + u->pad / 2;
    u->y += (line - u->m->line_height(u->m->ctx, (hrc_font){0, u->small_px})) / 2;
    ui_plain(u, theme_label(t), 0, u->small_px, u->pal->text);
    u->x -= iw + u->pad / 2;
    u->w += iw + u->pad / 2;
    if (u->y < y0 + line)
        u->y = y0 + line;
    ui_gap(u, u->pad / 4);
}

static bool is_keyfacts(const hrc_block *b)
{
    return b->kind == HRC_BLOCK_KEYFACTS;
}

/* Place, government, areas of action and key facts: beside the text on a
 * wide screen, above it otherwise. */
static void fact_panel(ui *u, const hrc_module *m, const hrc_case *c, bool side)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    hrc_rect box;
    ui_box_begin(u, &box);
    char line[512];
    int iw = ui_icon(u, ICON_PLACE, u->x, u->y, u->px * 5 / 4, p->accent);
    u->x += iw + u->pad / 3;
    u->w -= iw + u->pad / 3;
    snprintf(line, sizeof line, "%s, %s", ui_pick(app, m, &c->place), ui_pick(app, m, &c->country));
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    u->x -= iw + u->pad / 3;
    u->w += iw + u->pad / 3;
    if (c->population >= 0)
        snprintf(line, sizeof line, _("%s \xc2\xb7 population %lld"), gov_kind_label(c->gov_kind),
                 c->population);
    else
        snprintf(line, sizeof line, "%s", gov_kind_label(c->gov_kind));
    ui_plain(u, line, 0, u->small_px, p->muted);
    if (c->n_themes) {
        ui_gap(u, u->pad / 2);
        ui_plain(u, _("Areas of action"), HRC_FONT_BOLD, u->small_px, p->text);
        ui_gap(u, u->pad / 4);
        for (size_t i = 0; i < c->n_themes; i++)
            area_row(u, c->themes[i]);
    }
    ui_box_end(u, box, p->surface);
    if (!side)
        return;
    /* Key facts go with the panel when there is room beside the text. */
    for (size_t i = 0; i < c->n_context; i++)
        if (is_keyfacts(&c->context[i]))
            ui_blocks(u, &c->context[i], 1, ACT_NONE, NULL);
    for (size_t i = 0; i < c->n_outcomes; i++)
        if (is_keyfacts(&c->outcomes[i]))
            ui_blocks(u, &c->outcomes[i], 1, ACT_NONE, NULL);
}

/* The blocks of a section, leaving out the key facts when the panel has them. */
static void section(ui *u, const hrc_block *blocks, size_t n, int action, const ui_alt_set *alts,
                    bool skip_keyfacts)
{
    for (size_t i = 0; i < n; i++) {
        if (skip_keyfacts && is_keyfacts(&blocks[i]))
            continue;
        /* One block at a time, so that the alt action keeps its index. */
        size_t k = i;
        while (k + 1 < n && !(skip_keyfacts && is_keyfacts(&blocks[k + 1])))
            k++;
        ui_blocks_from(u, blocks, i, k + 1, action, alts);
        i = k;
    }
}

static void case_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    const hrc_item *it = screen_item(app, HRC_ITEM_CASE);
    if (!it)
        return;
    const hrc_case *c = it->u.case_study;
    const hrc_module *m = ui_module(app, hrc_nav_top(&app->nav)->module);
    case_state *cs = screen_state(app);
    const ui_alt_set *alts = cs ? &cs->alts : NULL;
    /* Wide enough for a side panel next to a full reading column? */
    int panel_w = u->px * 17;
    int gap = u->pad * 2;
    bool side = u->W - 2 * u->pad >= u->content_w + gap + panel_w;
    int main_x = u->x, main_w = u->w;
    if (side) {
        main_w = u->content_w;
        main_x = (u->W - (main_w + gap + panel_w)) / 2;
        u->x = main_x;
        u->w = main_w;
    }
    screen_item_header(u);
    ui_text(u, &c->title, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad / 2);
    int top = u->y, panel_bottom = u->y;
    if (side) {
        u->x = main_x + main_w + gap;
        u->w = panel_w;
        u->y = top + u->pad / 2; /* level with the first heading's text */
        fact_panel(u, m, c, true);
        panel_bottom = u->y;
        u->x = main_x;
        u->w = main_w;
        u->y = top;
    } else {
        fact_panel(u, m, c, false);
    }
    heading(u, _("Context"));
    section(u, c->context, c->n_context, ACT_ALT_CONTEXT, alts, side);
    if (c->n_actions) {
        heading(u, _("What the local government did"));
        hrc_block list = {.kind = HRC_BLOCK_LIST, .n_items = c->n_actions, .items = c->actions};
        ui_blocks(u, &list, 1, ACT_NONE, NULL);
    }
    if (c->n_outcomes) {
        heading(u, _("Outcomes"));
        section(u, c->outcomes, c->n_outcomes, ACT_ALT_OUTCOME, alts, side);
    }
    if (c->n_sources) {
        heading(u, _("Sources"));
        for (size_t i = 0; i < c->n_sources; i++) {
            ui_text(u, &c->sources[i].text, 0, u->small_px, p->text);
            if (c->sources[i].href)
                ui_plain(u, c->sources[i].href, HRC_FONT_ITALIC, u->small_px, p->muted);
            ui_gap(u, u->pad / 4);
        }
    }
    if (u->y < panel_bottom)
        u->y = panel_bottom;
}

static unsigned case_activate(hrc_app *app, int action, int arg)
{
    const hrc_item *it = screen_item(app, HRC_ITEM_CASE);
    if (!it)
        return 0;
    const hrc_case *c = it->u.case_study;
    case_state *cs = screen_state(app);
    ui_alt_set *alts = cs ? &cs->alts : NULL;
    if (action == ACT_ALT_CONTEXT && arg >= 0 && (size_t)arg < c->n_context)
        ui_alt_toggle(alts, &c->context[arg].image);
    else if (action == ACT_ALT_OUTCOME && arg >= 0 && (size_t)arg < c->n_outcomes)
        ui_alt_toggle(alts, &c->outcomes[arg].image);
    else
        return screen_item_activate(app, action, arg) | HRC_APP_REDRAW;
    return HRC_APP_REDRAW;
}

static unsigned case_key(hrc_app *app, const hrc_input *in, bool *handled)
{
    return screen_turn_key(app, in, handled);
}

const screen_ops screen_case = {.state_size = sizeof(case_state), .draw = case_draw,
                                .activate = case_activate, .key = case_key,
                                .bar = screen_item_bar};
