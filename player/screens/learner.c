/* Who is signed in, and their settings (language, text size, contrast),
 * kept in their profile. See ui.h. */
#include "screens/ui.h"

#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>

void app_reload_learners(hrc_app *app)
{
    free(app->learners);
    app->learners = NULL;
    app->n_learners = 0;
    if (app->cfg.progress &&
        hrc_progress_list_learners(app->cfg.progress, &app->learners, &app->n_learners) !=
            HRC_PROGRESS_OK) {
        app->learners = NULL;
        app->n_learners = 0;
    }
}

void app_apply_prefs(hrc_app *app)
{
    if (!app->cfg.progress || app->learner_id <= 0)
        return;
    hrc_learner_prefs p = {0};
    snprintf(p.lang, sizeof p.lang, "%s", app->lang);
    p.text_size = app->text_percent;
    p.high_contrast = app->high_contrast;
    spoken_prefs(app, &p);
    hrc_progress_set_learner_prefs(app->cfg.progress, app->learner_id, &p);
}

void app_set_lang(hrc_app *app, const char *lang)
{
    const char *code = hrc_i18n_match(lang);
    if (!code)
        return;
    snprintf(app->lang, sizeof app->lang, "%s", code);
    if (app->host->set_language)
        app->host->set_language(app->host->ctx, code);
    hrc_i18n_note_language(code);
}

void app_sign_in(hrc_app *app, const char *name, int64_t learner_id, bool guest)
{
    app->signed_in = true;
    app->guest = guest;
    app->learner_id = learner_id;
    snprintf(app->learner_name, sizeof app->learner_name, "%s", name ? name : "");
    session_start_learner(app);
    hrc_learner l;
    bool known = app->cfg.progress && learner_id > 0 &&
                 hrc_progress_get_learner(app->cfg.progress, learner_id, &l) == HRC_PROGRESS_OK;
    if (known) {
        if (l.prefs.lang[0])
            app_set_lang(app, l.prefs.lang);
        if (l.prefs.text_size == 100 || l.prefs.text_size == 150 || l.prefs.text_size == 200)
            app->text_percent = l.prefs.text_size;
        app->high_contrast = l.prefs.high_contrast || app->cfg.high_contrast;
    }
    spoken_sign_in(app, known ? &l.prefs : NULL); /* spoken guidance and its rate */
    app_reset(app, hrc_nav_location(HRC_SCREEN_HOME, -1, -1));
}

void app_sign_out(hrc_app *app, hrc_session_end why)
{
    session_stop(app, why);
    app->signed_in = app->guest = false;
    app->learner_id = 0;
    app->learner_name[0] = '\0';
    app->notice[0] = '\0';
    /* The next learner starts from the kiosk's own settings. */
    app->text_percent = app->cfg.text_scale_percent ? app->cfg.text_scale_percent : 100;
    app->high_contrast = app->cfg.high_contrast;
    spoken_sign_out(app);
    app_set_lang(app, app->cfg.lang ? app->cfg.lang : "en");
    app_reload_learners(app);
    /* A kiosk without a facilitator PIN asks for one before anything. */
    app_reset(app, hrc_nav_location(setup_needed(app) ? HRC_SCREEN_SETUP : HRC_SCREEN_SIGNIN,
                                    -1, -1));
}

void app_sign_out_beneath(hrc_app *app, hrc_session_end why)
{
    /* The screen on top, and the trainer's screens it stands on. */
    hrc_nav *nav = &app->nav;
    size_t keep = 1;
    while (keep < nav->depth && screen_is_trainer(nav->stack[nav->depth - keep - 1].screen))
        keep++;
    hrc_nav_loc kept[HRC_NAV_DEPTH];
    for (size_t i = 0; i < keep; i++) {
        kept[i] = nav->stack[nav->depth - keep + i];
        nav->stack[nav->depth - keep + i].state = NULL; /* not released with the rest */
    }
    app_sign_out(app, why);
    for (size_t i = 0; i < keep; i++)
        hrc_nav_push(nav, kept[i]);
}
