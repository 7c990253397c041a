/* Settings: language, text size, high contrast. Applied at once. */
#include "screens/ui.h"

#include <stdio.h>
#include <string.h>

enum { ACT_LANG = ACT_SCREEN, ACT_SIZE, ACT_CONTRAST, ACT_DONE };

static const int sizes[] = {100, 150, 200};

static void settings_draw(ui *u)
{
    hrc_app *app = u->app;
    const hrc_palette *p = u->pal;
    ui_plain(u, _("Settings"), HRC_FONT_BOLD, u->h1_px, p->text);
    ui_gap(u, u->pad);
    ui_plain(u, _("Language"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    size_t n_langs = 0;
    const hrc_language *langs = hrc_i18n_languages(&n_langs);
    for (size_t i = 0; i < n_langs; i++)
        ui_button(u, langs[i].native_name, ACT_LANG, (int)i,
                  strcmp(langs[i].code, app->lang) == 0 ? BTN_SELECTED : BTN_QUIET);
    ui_gap(u, u->pad);
    ui_plain(u, _("Text size"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char label[16];
        snprintf(label, sizeof label, "%d %%", sizes[i]);
        ui_button(u, label, ACT_SIZE, sizes[i],
                  app->text_percent == sizes[i] ? BTN_SELECTED : BTN_QUIET);
    }
    ui_gap(u, u->pad);
    ui_plain(u, _("Contrast"), HRC_FONT_BOLD, u->h2_px, p->text);
    ui_gap(u, u->pad / 3);
    ui_button(u, _("Standard"), ACT_CONTRAST, 0, app->high_contrast ? BTN_QUIET : BTN_SELECTED);
    ui_button(u, _("High contrast"), ACT_CONTRAST, 1,
              app->high_contrast ? BTN_SELECTED : BTN_QUIET);
    spoken_settings_draw(u); /* spoken guidance: spoken.c */
    ui_gap(u, u->pad * 2);
    ui_button(u, _("Done"), ACT_DONE, 0, BTN_NORMAL);
    ui_flow_end(u);
}

static unsigned settings_activate(hrc_app *app, int action, int arg)
{
    unsigned eff = HRC_APP_REDRAW;
    size_t n_langs = 0;
    const hrc_language *langs = hrc_i18n_languages(&n_langs);
    switch (action) {
    case ACT_LANG:
        if (arg >= 0 && (size_t)arg < n_langs && strcmp(langs[arg].code, app->lang) != 0) {
            app_set_lang(app, langs[arg].code);
            eff |= HRC_APP_LANG_CHANGED;
        }
        break;
    case ACT_SIZE:
        if (arg == 100 || arg == 150 || arg == 200)
            app->text_percent = arg;
        break;
    case ACT_CONTRAST:
        app->high_contrast = arg != 0;
        break;
    case ACT_DONE:
        app_back(app);
        return eff;
    }
    app_apply_prefs(app);
    return eff;
}

const screen_ops screen_settings = {.draw = settings_draw, .activate = settings_activate};
