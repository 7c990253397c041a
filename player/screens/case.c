/* A case study: place, country, kind of government, themes, context,
 * actions, outcomes, sources. */
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_ALT_CONTEXT = ACT_SCREEN, ACT_ALT_OUTCOME, ACT_PREV_ITEM, ACT_NEXT_ITEM };

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
            N_("Inclusion of migrants, homeless people, LGBTQI+"),
        [HRC_THEME_YOUTH_CHILDREN] = N_("Youth and children"),
        [HRC_THEME_HOUSING] = N_("Housing"),
        [HRC_THEME_MEMORY_PEACE_SECURITY] =
            N_("Historical memory, culture of peace and security"),
        [HRC_THEME_ACCOUNTABILITY_TRANSPARENCY] = N_("Accountability and transparency"),
        [HRC_THEME_PUBLIC_HEALTH] = N_("Public health"),
        [HRC_THEME_BASIC_SERVICES] = N_("Basic services, water and sanitation"),
    };
    return (unsigned)t < HRC_THEME_COUNT ? _(labels[t]) : "";
}

static void heading(ui *u, const char *s)
{
    ui_gap(u, u->pad / 2);
    ui_plain(u, s, HRC_FONT_BOLD, u->h2_px, u->pal->text);
    ui_gap(u, u->pad / 3);
}

/* A label: a small outlined box around its (wrapped) text, flowed. */
static void label_chip(ui *u, const char *s)
{
    int pad = u->pad / 2;
    int max_w = u->w;
    int tw = ui_text_width(u, s, 0, u->small_px);
    int w = tw + 2 * pad > max_w ? max_w : tw + 2 * pad;
    int inner = w - 2 * pad > 1 ? w - 2 * pad : 1;
    int h = ui_text_height(u, s, 0, u->small_px, inner) + pad;
    if (!u->in_flow) {
        u->in_flow = true;
        u->flow_x = u->flow_h = 0;
    } else if (u->flow_x + w > max_w) {
        u->y += u->flow_h + u->pad / 3;
        u->flow_x = u->flow_h = 0;
    }
    int x = u->x + u->flow_x, y = u->y;
    hrc_rect r = {x, u->view.y + y - u->scroll, w, h};
    hrc_draw_rect(u->list, r, u->pal->surface, h / 2);
    hrc_draw_frame(u->list, r, u->pal->border, 1);
    hrc_span span = {0, s};
    u->y = y + pad / 2;
    ui_spans_at(u, &span, 1, 0, u->small_px, u->pal->text, x + pad, inner);
    u->y = y;
    u->flow_x += w + u->pad / 3;
    if (h > u->flow_h)
        u->flow_h = h;
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
    ui_plain(u, _("Case study"), HRC_FONT_BOLD, u->small_px, p->muted);
    ui_text(u, &c->title, HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad / 2);
    char line[512];
    snprintf(line, sizeof line, "%s, %s", ui_pick(app, m, &c->place), ui_pick(app, m, &c->country));
    ui_plain(u, line, HRC_FONT_BOLD, u->px, p->text);
    if (c->population >= 0)
        snprintf(line, sizeof line, _("%s \xc2\xb7 population %lld"), gov_kind_label(c->gov_kind),
                 c->population);
    else
        snprintf(line, sizeof line, "%s", gov_kind_label(c->gov_kind));
    ui_plain(u, line, 0, u->px, p->muted);
    if (c->n_themes) {
        ui_gap(u, u->pad / 2);
        for (size_t i = 0; i < c->n_themes; i++)
            label_chip(u, theme_label(c->themes[i]));
        ui_flow_end(u);
    }
    heading(u, _("Context"));
    case_state *cs = screen_state(app);
    const ui_alt_set *alts = cs ? &cs->alts : NULL;
    ui_blocks(u, c->context, c->n_context, ACT_ALT_CONTEXT, alts);
    if (c->n_actions) {
        heading(u, _("What the local government did"));
        hrc_block list = {.kind = HRC_BLOCK_LIST, .n_items = c->n_actions, .items = c->actions};
        ui_blocks(u, &list, 1, ACT_NONE, NULL);
    }
    if (c->n_outcomes) {
        heading(u, _("Outcomes"));
        ui_blocks(u, c->outcomes, c->n_outcomes, ACT_ALT_OUTCOME, alts);
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
    screen_prev_next(u, ACT_PREV_ITEM, ACT_NEXT_ITEM);
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
    else if (action == ACT_PREV_ITEM || action == ACT_NEXT_ITEM)
        return screen_go_sideways(app, arg);
    return HRC_APP_REDRAW;
}

const screen_ops screen_case = {.state_size = sizeof(case_state), .draw = case_draw,
                                .activate = case_activate};
