/*
 * Spoken guidance: what each frame asks to be said. See spoken.h.
 *
 * How it works. While speech is on, the widgets record the frame's
 * content in reading order (paragraphs, targets with their descriptions,
 * images, the bars' status lines) and the screens add what they want said
 * when they appear (ui_say()). After the frame the back end asked for,
 * spoken_frame_end() compares it with what was said before: a new screen
 * (or a new title) is announced, new notices are said, and a focus that
 * moved (or changed state) is described. Input only asks for things (read
 * the page, repeat, stop), which the next frame does.
 */
#include "screens/spoken.h"

#include "screens/icons.h"
#include "screens/ui.h"

#include "io/progress.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

_Static_assert(SPOKEN_MAX_TARGETS == UI_MAX_TARGETS, "one description per target");

enum { BATCH_MAX = 48 };

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; s && *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    h ^= 0xff; /* the end of one string is not the start of the next */
    return h * 1099511628211ull;
}

static uint64_t hash_int(uint64_t h, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    return hash_str(h, buf);
}

#define HASH_START 1469598103934665603ull

/* ---- Text fit to be spoken --------------------------------------------- */

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static unsigned utf8_code(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    switch (n) {
    case 2: return (u[0] & 0x1fu) << 6 | (u[1] & 0x3fu);
    case 3: return (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
    case 4:
        return (u[0] & 0x07u) << 18 | (u[1] & 0x3fu) << 12 | (u[2] & 0x3fu) << 6 |
               (u[3] & 0x3fu);
    default: return u[0];
    }
}

/* Appends s to out (size bytes), keeping it terminated. */
static void put(char *out, size_t size, size_t *at, const char *s, size_t n)
{
    if (*at + n + 1 > size)
        n = *at + 1 < size ? size - *at - 1 : 0;
    memcpy(out + *at, s, n);
    *at += n;
    out[*at] = '\0';
}

void spoken_clean(const char *in, char *out, size_t size)
{
    if (!size)
        return;
    out[0] = '\0';
    size_t at = 0;
    /* TRANSLATORS: read between two years, as in "2000 to 2010". */
    const char *to = C_("years", "to");
    for (const char *p = in ? in : ""; *p;) {
        size_t n = utf8_len((unsigned char)*p);
        if (strnlen(p, n) < n)
            break; /* a cut sequence at the end */
        unsigned c = utf8_code(p, n);
        const char *next = p + n;
        if ((c >= 0xe000 && c <= 0xf8ff) || c == 0x2022 || c == '|' || c < 0x20 ||
            c == 0x7f || c == 0xa0 || c == 0x202f) {
            /* Icon glyphs, bullets, a field's caret; no-break spaces are
             * for the layout only. */
            put(out, size, &at, " ", 1);
        } else if (c == 0xb7) { /* "Part 2 · Lesson": a pause */
            while (at > 0 && out[at - 1] == ' ')
                out[--at] = '\0';
            put(out, size, &at, ", ", 2);
        } else if (c == 0x2192) { /* "Item → partner" */
            while (at > 0 && out[at - 1] == ' ')
                out[--at] = '\0';
            put(out, size, &at, ": ", 2);
        } else if (c == 0x2013 && at > 0 && isdigit((unsigned char)out[at - 1]) &&
                   isdigit((unsigned char)*next)) {
            put(out, size, &at, " ", 1); /* "2000–2010": "2000 to 2010" */
            put(out, size, &at, to, strlen(to));
            put(out, size, &at, " ", 1);
        } else {
            put(out, size, &at, p, n);
        }
        p = next;
    }
    /* White space collapsed and trimmed, no pause left hanging. */
    size_t w = 0;
    bool space = true;
    for (size_t r = 0; out[r]; r++) {
        bool is_space = out[r] == ' ' || out[r] == '\t' || out[r] == '\n' || out[r] == '\r';
        if (is_space) {
            if (!space)
                out[w++] = ' ';
            space = true;
        } else {
            if (w > 0 && out[w - 1] == ' ' && (out[r] == ',' || out[r] == '.'))
                w--; /* " ," left where a mark was taken out */
            out[w++] = out[r];
            space = false;
        }
    }
    while (w > 0 && (out[w - 1] == ' ' || out[w - 1] == ','))
        w--;
    out[w] = '\0';
    size_t lead = 0;
    while (out[lead] == ',' || out[lead] == ' ')
        lead++;
    if (lead)
        memmove(out, out + lead, w - lead + 1);
}

/* ---- Utterances being made ---------------------------------------------- */

typedef struct utter {
    char *text;
    size_t len, cap;
    const char *lang; /* never NULL */
} utter;

typedef struct batch {
    const hrc_app *app;
    utter u[BATCH_MAX];
    int n;
    bool cut; /* the next piece starts an utterance of its own */
} batch;

static const char *lang_or_ui(const hrc_app *app, const char *lang)
{
    return lang && *lang ? lang : app->lang;
}

/* Same primary language ("fr" and "fr-CA"). */
static bool same_lang(const char *a, const char *b)
{
    size_t i = 0;
    for (; a[i] && a[i] != '-' && b[i] && b[i] != '-'; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return (a[i] == '\0' || a[i] == '-') && (b[i] == '\0' || b[i] == '-');
}

static bool grow_text(utter *u, size_t extra)
{
    if (u->len + extra + 1 <= u->cap)
        return true;
    size_t cap = u->cap ? u->cap : 256;
    while (cap < u->len + extra + 1)
        cap *= 2;
    char *p = realloc(u->text, cap);
    if (!p)
        return false;
    u->text = p;
    u->cap = cap;
    return true;
}

/* Adds a piece of text in lang (NULL: the interface's). sep goes between
 * it and what comes before in the same utterance (", ", ". ", ": "), or
 * only its space when that already ends with a mark. */
static void batch_add(batch *b, const char *text, const char *lang, const char *sep)
{
    if (!text || !*text)
        return;
    size_t in = strlen(text);
    char small[1024];
    char *clean = in * 2 + 64 <= sizeof small ? small : malloc(in * 2 + 64);
    if (!clean)
        return;
    spoken_clean(text, clean, in * 2 + 64 <= sizeof small ? sizeof small : in * 2 + 64);
    lang = lang_or_ui(b->app, lang);
    if (*clean) {
        utter *u = b->n ? &b->u[b->n - 1] : NULL;
        bool joined = u && !b->cut && same_lang(u->lang, lang);
        if (!joined && b->n < BATCH_MAX) {
            u = &b->u[b->n++];
            u->lang = lang;
            u->len = 0;
        } else if (!joined) {
            joined = true; /* no room: one more sentence of the last */
        }
        b->cut = false;
        size_t n = strlen(clean);
        const char *gap = "";
        if (u->len) {
            char last = u->text[u->len - 1];
            bool ellipsis = u->len >= 3 && memcmp(u->text + u->len - 3, "\xe2\x80\xa6", 3) == 0;
            gap = strchr(".,:;!?", last) || ellipsis ? " " : sep ? sep : ". ";
        }
        if (grow_text(u, strlen(gap) + n)) {
            /* A translated gap (" : ") may hold no-break spaces: plain here. */
            for (const char *g = gap; *g;) {
                if (!strncmp(g, "\xe2\x80\xaf", 3) || !strncmp(g, "\xc2\xa0", 2)) {
                    u->text[u->len++] = ' ';
                    g += g[0] == '\xe2' ? 3 : 2;
                } else {
                    u->text[u->len++] = *g++;
                }
            }
            memcpy(u->text + u->len, clean, n);
            u->len += n;
            u->text[u->len] = '\0';
        }
    }
    if (clean != small)
        free(clean);
}

static void batch_cut(batch *b)
{
    b->cut = true;
}

static void batch_free(batch *b)
{
    for (int i = 0; i < BATCH_MAX; i++)
        free(b->u[i].text);
}

/* Keeps what was said for F8. */
static void remember(spoken_state *s, const batch *b)
{
    size_t need = 0;
    for (int i = 0; i < b->n; i++)
        need += b->u[i].len + strlen(b->u[i].lang) + 2;
    if (!need)
        return;
    if (need > s->last_cap) {
        char *p = realloc(s->last, need);
        if (!p)
            return;
        s->last = p;
        s->last_cap = need;
    }
    size_t at = 0;
    for (int i = 0; i < b->n; i++) {
        memcpy(s->last + at, b->u[i].text, b->u[i].len + 1);
        at += b->u[i].len + 1;
        size_t l = strlen(b->u[i].lang) + 1;
        memcpy(s->last + at, b->u[i].lang, l);
        at += l;
    }
    s->last_len = at;
    s->last_n = b->n;
}

static void emit(hrc_draw_list *list, const batch *b)
{
    for (int i = 0; i < b->n; i++)
        if (b->u[i].len)
            hrc_draw_say(list, b->u[i].text, b->u[i].lang, i > 0);
}

/* ---- Describing targets ------------------------------------------------- */

const char *spoken_role_name(hrc_role role)
{
    switch (role) {
    case HRC_ROLE_CHOICE:
    case HRC_ROLE_CHECKBOX: return _("Choice");
    case HRC_ROLE_TEXT_FIELD: return _("text field");
    case HRC_ROLE_LINK: return _("link");
    case HRC_ROLE_TIMELINE_EVENT: return _("Timeline event");
    case HRC_ROLE_TIMELINE: return _("Timeline");
    case HRC_ROLE_LIST_ITEM: return _("Item");
    case HRC_ROLE_NONE:
    case HRC_ROLE_BUTTON:
    case HRC_ROLE_COUNT: break;
    }
    return _("button");
}

/* Where target `index` stands among those of its kind: "Choice 2 of 3". */
static void position(const hrc_app *app, int index, int *pos, int *count)
{
    const spoken_state *s = &app->speech;
    *pos = *count = 0;
    for (int i = 0; i < app->n_targets; i++)
        if (s->targets[i].role == s->targets[index].role &&
            app->targets[i].action == app->targets[index].action) {
            (*count)++;
            if (i <= index)
                (*pos)++;
        }
}

/* The words before a text field: its name ("Type your name:"). */
static const char *field_name(const hrc_app *app, int index)
{
    const spoken_state *s = &app->speech;
    for (size_t i = 0; i < s->n_entries; i++)
        if (s->entries[i].kind == SPOKEN_TARGET && s->entries[i].target == index) {
            for (size_t k = i; k-- > 0;)
                if (s->entries[k].kind == SPOKEN_TEXT)
                    return s->entries[k].text;
            break;
        }
    return NULL;
}

static void add_label(batch *b, const spoken_target *t, const char *sep)
{
    size_t n = strlen(t->label);
    size_t p = t->prefix_len < n ? t->prefix_len : n;
    if (p) {
        char prefix[512];
        snprintf(prefix, sizeof prefix, "%.*s", (int)p, t->label);
        batch_add(b, prefix, NULL, sep);
        batch_add(b, t->label + p, t->lang, ", ");
    } else {
        batch_add(b, t->label, t->lang, sep);
    }
}

static void describe(const hrc_app *app, batch *b, int index)
{
    const spoken_target *t = &app->speech.targets[index];
    char head[128];
    int pos, count;
    switch (t->role) {
    case HRC_ROLE_CHOICE:
    case HRC_ROLE_CHECKBOX:
    case HRC_ROLE_LIST_ITEM:
        position(app, index, &pos, &count);
        /* TRANSLATORS: a quiz answer's place among the answers, spoken. */
        snprintf(head, sizeof head, t->role == HRC_ROLE_LIST_ITEM ? _("Item %d of %d")
                                                                   : _("Choice %d of %d"),
                 pos, count);
        batch_add(b, head, NULL, ". ");
        add_label(b, t, ", ");
        break;
    case HRC_ROLE_TIMELINE_EVENT:
        batch_add(b, spoken_role_name(t->role), NULL, ". ");
        add_label(b, t, ", ");
        break;
    case HRC_ROLE_TEXT_FIELD: {
        /* Its own name (a label's prefix, "Blank 2"), else the words
         * before it ("Type your name:"). */
        size_t n = strlen(t->label), p = t->prefix_len < n ? t->prefix_len : n;
        char own[256];
        snprintf(own, sizeof own, "%.*s", (int)p, t->label);
        const char *name = p ? own : field_name(app, index);
        const char *typed = t->label + p;
        batch_add(b, name ? name : _("Text field"), NULL, ". ");
        batch_add(b, spoken_role_name(t->role), NULL, ", ");
        if (*typed)
            batch_add(b, typed, t->lang, ", ");
        else if (!*t->state)
            batch_add(b, _("empty"), NULL, ", ");
        break;
    }
    case HRC_ROLE_TIMELINE:
        add_label(b, t, ". ");
        if (strcasecmp(t->label, spoken_role_name(t->role)) != 0)
            batch_add(b, spoken_role_name(t->role), NULL, ", ");
        break;
    default:
        add_label(b, t, ". ");
        batch_add(b, spoken_role_name(t->role), NULL, ", ");
        break;
    }
    batch_add(b, t->state, NULL, ", ");
}

/* ---- Recording ------------------------------------------------------------ */

static spoken_entry *add_entry(spoken_state *s)
{
    if (s->n_entries == s->cap_entries) {
        size_t cap = s->cap_entries ? s->cap_entries * 2 : 128;
        spoken_entry *p = realloc(s->entries, cap * sizeof *p);
        if (!p)
            return NULL;
        s->entries = p;
        s->cap_entries = cap;
    }
    spoken_entry *e = &s->entries[s->n_entries++];
    memset(e, 0, sizeof *e);
    e->target = -1;
    return e;
}

void spoken_frame_begin(hrc_app *app, hrc_draw_list *list)
{
    spoken_state *s = &app->speech;
    s->recording = s->on;
    s->list = list;
    s->n_entries = 0;
    s->n_says = 0;
    s->overlay = false;
    s->no_alerts = false;
}

void spoken_record_text(hrc_app *app, const char *text, const char *lang, int level,
                        bool small_bold, bool alert, bool in_scroll, hrc_rect content)
{
    spoken_state *s = &app->speech;
    if (!s->recording || !text || !*text)
        return;
    const char *copy = hrc_draw_copy(s->list, text);
    spoken_entry *e = copy ? add_entry(s) : NULL;
    if (!e)
        return;
    e->kind = SPOKEN_TEXT;
    e->text = copy;
    e->lang = lang;
    e->level = level;
    e->small_bold = small_bold;
    e->alert = alert && !s->no_alerts;
    e->in_scroll = in_scroll;
    e->content = content;
}

void spoken_record_target(hrc_app *app, int index, const char *label, hrc_role role,
                          const char *state, const char *lang, size_t prefix_len)
{
    spoken_state *s = &app->speech;
    if (!s->recording || index < 0 || index >= SPOKEN_MAX_TARGETS || index >= app->n_targets)
        return;
    spoken_target *t = &s->targets[index];
    const char *l = hrc_draw_copy(s->list, label ? label : "");
    const char *st = state && *state ? hrc_draw_copy(s->list, state) : "";
    t->label = l ? l : "";
    t->state = st ? st : "";
    t->lang = lang && *lang ? hrc_draw_copy(s->list, lang) : NULL;
    t->role = role == HRC_ROLE_NONE ? HRC_ROLE_BUTTON : role;
    t->prefix_len = prefix_len;
    spoken_entry *e = add_entry(s);
    if (!e)
        return;
    e->kind = SPOKEN_TARGET;
    e->target = index;
    e->in_scroll = app->targets[index].scrolled;
    e->content = app->targets[index].content;
}

void spoken_record_image(hrc_app *app, const char *alt, const char *lang, bool in_scroll,
                         hrc_rect content)
{
    spoken_state *s = &app->speech;
    if (!s->recording || !alt || !*alt)
        return;
    const char *copy = hrc_draw_copy(s->list, alt);
    spoken_entry *e = copy ? add_entry(s) : NULL;
    if (!e)
        return;
    e->kind = SPOKEN_IMAGE;
    e->text = copy;
    e->lang = lang;
    e->in_scroll = in_scroll;
    e->content = content;
}

void spoken_record_status(hrc_app *app, const char *text, bool alert)
{
    spoken_state *s = &app->speech;
    if (!s->recording || !text || !*text)
        return;
    const char *copy = hrc_draw_copy(s->list, text);
    spoken_entry *e = copy ? add_entry(s) : NULL;
    if (!e)
        return;
    e->kind = SPOKEN_STATUS;
    e->text = copy;
    e->alert = alert;
}

void spoken_record_say(hrc_app *app, const char *text, const char *lang)
{
    spoken_state *s = &app->speech;
    if (!s->recording || !text || !*text || s->n_says >= SPOKEN_MAX_SAYS)
        return;
    const char *copy = hrc_draw_copy(s->list, text);
    if (copy)
        s->says[s->n_says++] = (spoken_say){copy, lang && *lang ? lang : NULL};
}

/* ---- Reading the page --------------------------------------------------- */

/* The first entry of the content (after the top bar and anything fixed
 * above the content, such as the timeline's canvas). */
static int first_content(const spoken_state *s)
{
    for (size_t i = 0; i < s->n_entries; i++)
        if (s->entries[i].in_scroll)
            return (int)i;
    return -1;
}

static bool readable(const spoken_state *s, int i)
{
    return i >= 0 && (size_t)i < s->n_entries && s->entries[i].kind != SPOKEN_STATUS;
}

/* Where reading starts: the focused target when it is in the content,
 * else (nothing focused, or a bar's button) the content's start. */
static int read_start(const hrc_app *app)
{
    const spoken_state *s = &app->speech;
    int focus = hrc_nav_top_const(&app->nav)->focus;
    for (size_t i = 0; focus >= 0 && i < s->n_entries; i++)
        if (s->entries[i].kind == SPOKEN_TARGET && s->entries[i].target == focus &&
            s->entries[i].in_scroll)
            return (int)i;
    return first_content(s);
}

/* Scrolls so that entry i is in view, as the focus would be. */
static void reveal(hrc_app *app, int i)
{
    const spoken_entry *e = &app->speech.entries[i];
    if (!e->in_scroll)
        return;
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    int margin = app->line_px > 0 ? app->line_px : 20;
    if (e->content.y < loc->scroll || e->content.y + e->content.h > loc->scroll + app->view.h)
        loc->scroll = e->content.y - margin > 0 ? e->content.y - margin : 0;
}

static unsigned read_from(hrc_app *app, int i)
{
    spoken_state *s = &app->speech;
    while (i >= 0 && (size_t)i < s->n_entries && !readable(s, i))
        i++;
    s->read = true;
    s->read_at = i;
    s->reading = readable(s, i);
    if (s->reading)
        reveal(app, i);
    return HRC_APP_REDRAW;
}

/* ---- Settings ---------------------------------------------------------------- */

static void set_message(spoken_state *s, const char *text)
{
    snprintf(s->message, sizeof s->message, "%s", text);
}

/* Keeps the learner's choice in their profile (learner.c). */
static void keep(hrc_app *app)
{
    if (app->signed_in)
        app_apply_prefs(app);
}

static unsigned toggle(hrc_app *app)
{
    spoken_state *s = &app->speech;
    s->on = !s->on;
    s->chosen = true;
    s->pref = s->on ? HRC_SPEECH_PREF_ON : HRC_SPEECH_PREF_OFF;
    s->reading = s->read = s->repeat = s->stop = false;
    if (s->on) {
        set_message(s, _("Spoken guidance on."));
        s->fresh = true;
    } else {
        s->say_off = true;
    }
    keep(app);
    return HRC_APP_REDRAW;
}

static unsigned change_rate(hrc_app *app, int step)
{
    spoken_state *s = &app->speech;
    int r = s->rate_step + step;
    if (r < HRC_SPEECH_RATE_STEP_MIN || r > HRC_SPEECH_RATE_STEP_MAX) {
        set_message(s, step > 0 ? _("Fastest.") : _("Slowest."));
        return HRC_APP_REDRAW;
    }
    s->rate_step = r;
    s->rate_chosen = true;
    set_message(s, step > 0 ? _("Faster.") : _("Slower."));
    keep(app);
    return HRC_APP_REDRAW;
}

static unsigned change_volume(hrc_app *app, int step)
{
    spoken_state *s = &app->speech;
    int v = s->volume + step;
    v = v < SPOKEN_VOLUME_MIN ? SPOKEN_VOLUME_MIN : v > 100 ? 100 : v;
    s->volume = v;
    /* TRANSLATORS: spoken after the volume changed. */
    snprintf(s->message, sizeof s->message, _("Volume %d%%."), v);
    return HRC_APP_REDRAW;
}

void spoken_sign_out(hrc_app *app)
{
    spoken_state *s = &app->speech;
    bool was_on = s->on;
    s->on = app->cfg.speech;
    s->rate_step = 0;
    s->volume = 100; /* every learner starts at the normal level */
    s->pref = HRC_SPEECH_PREF_UNSET;
    s->chosen = s->rate_chosen = false;
    s->reading = s->read = false;
    s->fresh = true;
    if (was_on && !s->on)
        s->say_off = true;
}

void spoken_sign_in(hrc_app *app, const hrc_learner_prefs *prefs)
{
    spoken_state *s = &app->speech;
    bool save = false;
    if (s->chosen) {
        save = true; /* chosen on the sign-in screen: that is the choice */
    } else if (prefs && prefs->speech != HRC_SPEECH_PREF_UNSET) {
        s->on = prefs->speech == HRC_SPEECH_PREF_ON;
        s->pref = prefs->speech;
    }
    if (s->rate_chosen)
        save = true;
    else if (prefs && prefs->speech_rate >= HRC_SPEECH_RATE_STEP_MIN &&
             prefs->speech_rate <= HRC_SPEECH_RATE_STEP_MAX)
        s->rate_step = prefs->speech_rate;
    if (save)
        keep(app);
}

void spoken_prefs(const hrc_app *app, hrc_learner_prefs *prefs)
{
    prefs->speech = app->speech.pref;
    prefs->speech_rate = app->speech.rate_step;
}

void spoken_fini(spoken_state *s)
{
    free(s->entries);
    free(s->last);
    s->entries = NULL;
    s->last = NULL;
    s->n_entries = s->cap_entries = s->last_len = s->last_cap = 0;
}

unsigned spoken_control_do(hrc_app *app, int control)
{
    spoken_state *s = &app->speech;
    switch (control) {
    case SPOKEN_OFF:
    case SPOKEN_ON:
        return (control == SPOKEN_ON) != s->on ? toggle(app) : 0;
    case SPOKEN_SLOWER: return s->on ? change_rate(app, -1) : 0;
    case SPOKEN_FASTER: return s->on ? change_rate(app, 1) : 0;
    case SPOKEN_QUIETER: return s->on ? change_volume(app, -SPOKEN_VOLUME_STEP) : 0;
    case SPOKEN_LOUDER: return s->on ? change_volume(app, SPOKEN_VOLUME_STEP) : 0;
    default: return 0;
    }
}

/* ---- Input -------------------------------------------------------------------- */

/* A speech key is the learner's doing: the kiosk's idle time starts again. */
static void user_did(hrc_app *app, const hrc_input *in)
{
    app->idle.last_input_ms = in->now_ms;
}

/* With speech on, a tap first says what is under the finger. */
static unsigned explore(hrc_app *app, const hrc_input *in, bool *taken)
{
    int t = app->ptr.pressed;
    hrc_nav_loc *loc = hrc_nav_top(&app->nav);
    if (!in->touch || app->ptr.dragging || t < 0 || t >= app->n_targets || t == loc->focus ||
        !app->targets[t].focusable ||
        !hrc_rect_has_point(app->targets[t].rect, in->x, in->y) || app->idle.prompt)
        return 0;
    *taken = true;
    loc->focus = t;
    app->ptr.pressed = -1;
    return HRC_APP_REDRAW;
}

unsigned spoken_input(hrc_app *app, const hrc_input *in, bool *taken)
{
    spoken_state *s = &app->speech;
    *taken = false;
    switch (in->kind) {
    case HRC_IN_SPEECH_TOGGLE:
        *taken = true;
        user_did(app, in);
        return toggle(app);
    case HRC_IN_SPEECH_DONE:
        *taken = true;
        if (!s->on || !s->reading)
            return 0;
        return read_from(app, s->read_at + 1);
    default:
        break;
    }
    if (in->kind >= HRC_IN_SPEECH_SLOWER && in->kind <= HRC_IN_SPEECH_LOUDER) {
        *taken = true;
        user_did(app, in);
        if (!s->on)
            return 0;
        switch (in->kind) {
        case HRC_IN_SPEECH_SLOWER: return change_rate(app, -1);
        case HRC_IN_SPEECH_FASTER: return change_rate(app, 1);
        case HRC_IN_SPEECH_QUIETER: return change_volume(app, -SPOKEN_VOLUME_STEP);
        case HRC_IN_SPEECH_LOUDER: return change_volume(app, SPOKEN_VOLUME_STEP);
        case HRC_IN_SPEECH_STOP:
            s->reading = s->read = false;
            s->stop = true;
            return HRC_APP_REDRAW;
        case HRC_IN_SPEECH_READ: return read_from(app, read_start(app));
        case HRC_IN_SPEECH_NEXT:
            return read_from(app, s->reading || s->read ? s->read_at + 1 : read_start(app));
        case HRC_IN_SPEECH_REPEAT:
            s->repeat = true;
            return HRC_APP_REDRAW;
        default: return 0;
        }
    }
    /* A finger held still for two seconds: the next tick turns speech
     * on or off, and the finger's release does nothing else. */
    int slop = app->line_px > 8 ? app->line_px / 2 : 8;
    switch (in->kind) {
    case HRC_IN_POINTER_DOWN:
        s->press = in->touch;
        s->press_fired = false;
        s->press_ms = in->now_ms;
        s->press_x = in->x;
        s->press_y = in->y;
        break;
    case HRC_IN_POINTER_MOVE:
        if (s->press && !s->press_fired &&
            abs(in->x - s->press_x) + abs(in->y - s->press_y) >= slop)
            s->press = false;
        break;
    case HRC_IN_POINTER_UP:
        if (s->press && s->press_fired) {
            s->press = s->press_fired = false;
            app->ptr.pressed = -1;
            app->ptr.dragging = false;
            *taken = true;
            return 0;
        }
        s->press = false;
        if (s->on)
            return explore(app, in, taken);
        break;
    case HRC_IN_TICK:
        if (s->press && !s->press_fired && in->now_ms >= s->press_ms + SPOKEN_LONG_PRESS_MS) {
            s->press_fired = true;
            user_did(app, in);
            return toggle(app);
        }
        return 0;
    default:
        break;
    }
    /* Anything else the learner does ends reading the page. */
    if (in->kind != HRC_IN_RESIZE && in->kind != HRC_IN_NONE &&
        !(in->kind == HRC_IN_POINTER_MOVE && !in->pressed))
        s->reading = false;
    return 0;
}

int64_t spoken_timeout_ms(const hrc_app *app, uint64_t now)
{
    const spoken_state *s = &app->speech;
    if (!s->press || s->press_fired)
        return -1;
    uint64_t due = s->press_ms + SPOKEN_LONG_PRESS_MS;
    return now >= due ? 0 : (int64_t)(due - now);
}

/* ---- What a frame says ------------------------------------------------------ */

static uint64_t identity_of(const hrc_app *app)
{
    const hrc_nav_loc *loc = hrc_nav_top_const(&app->nav);
    uint64_t h = HASH_START;
    h = hash_int(h, (long long)app->nav.depth);
    h = hash_int(h, loc->screen);
    h = hash_int(h, loc->module);
    h = hash_int(h, loc->item);
    h = hash_int(h, (long long)(uintptr_t)loc->state);
    h = hash_int(h, app->store_choice_pending);
    h = hash_int(h, app->idle.prompt);
    h = hash_int(h, app->signed_in);
    return h;
}

/* The screen's title and the lines just above it ("Part 2 of 5 ·
 * Lesson"); returns its hash, 0 when the screen has no title. */
static uint64_t title_of(const spoken_state *s, batch *b)
{
    int t = -1;
    for (int level = 1; level <= 2 && t < 0; level++)
        for (size_t i = 0; i < s->n_entries && t < 0; i++)
            if (s->entries[i].kind == SPOKEN_TEXT && s->entries[i].in_scroll &&
                s->entries[i].level == level)
                t = (int)i;
    if (t < 0)
        return 0;
    int first = t;
    for (int i = t - 1; i >= 0; i--) {
        const spoken_entry *e = &s->entries[i];
        if (e->kind != SPOKEN_TEXT)
            continue;
        if (!e->in_scroll || !e->small_bold)
            break;
        first = i;
    }
    /* TRANSLATORS: spoken between a screen's place and its title, as in
     * "Part 2 of 5, Lesson: The right to the city" (French: " : "). */
    const char *colon = C_("spoken", ": ");
    uint64_t h = HASH_START;
    for (int i = first; i <= t; i++) {
        const spoken_entry *e = &s->entries[i];
        if (e->kind != SPOKEN_TEXT)
            continue;
        if (b)
            batch_add(b, e->text, e->lang, i == t ? colon : ", ");
        h = hash_str(h, e->text);
    }
    return h;
}

static void say_entry(const hrc_app *app, batch *b, int i)
{
    const spoken_entry *e = &app->speech.entries[i];
    char line[128];
    switch (e->kind) {
    case SPOKEN_TARGET:
        describe(app, b, e->target);
        break;
    case SPOKEN_IMAGE:
        /* TRANSLATORS: spoken before an image's description. */
        snprintf(line, sizeof line, "%s", _("Image:"));
        batch_add(b, line, NULL, ". ");
        batch_add(b, e->text, e->lang, " ");
        break;
    default:
        batch_add(b, e->text, e->lang, ". ");
        break;
    }
}

static void replay_last(const spoken_state *s, hrc_draw_list *list)
{
    size_t at = 0;
    for (int i = 0; i < s->last_n && at < s->last_len; i++) {
        const char *text = s->last + at;
        at += strlen(text) + 1;
        const char *lang = s->last + at;
        at += strlen(lang) + 1;
        hrc_draw_say(list, text, lang, i > 0);
    }
}

void spoken_frame_end(hrc_app *app, hrc_draw_list *list)
{
    spoken_state *s = &app->speech;
    s->recording = false;
    if (!s->on && !s->say_off)
        return;
    batch b = {.app = app};
    if (s->say_off) {
        batch_add(&b, _("Spoken guidance off."), NULL, ". ");
        emit(list, &b);
        batch_free(&b);
        s->say_off = false;
        s->message[0] = '\0';
        s->fresh = true;
        return;
    }
    if (s->message[0]) {
        batch_add(&b, s->message, NULL, ". ");
        batch_cut(&b);
        s->message[0] = '\0';
    }
    if (s->stop) {
        s->stop = false;
        hrc_draw_say(list, "", app->lang, false);
        batch_free(&b);
        return;
    }
    if (s->repeat && !b.n) {
        s->repeat = false;
        replay_last(s, list);
        batch_free(&b);
        return;
    }
    s->repeat = false;
    bool message_only = b.n > 0;
    if (s->read) {
        s->read = false;
        if (readable(s, s->read_at)) {
            say_entry(app, &b, s->read_at);
        } else {
            s->reading = false;
            batch_add(&b, _("End of the page."), NULL, ". ");
        }
        emit(list, &b);
        remember(s, &b);
        batch_free(&b);
        return;
    }

    uint64_t identity = identity_of(app);
    bool new_screen = s->fresh || identity != s->identity;
    /* The title, when the screen or its title is new. */
    uint64_t title = title_of(s, NULL);
    if (!s->overlay && title && (new_screen || title != s->title_hash)) {
        title_of(s, &b);
        batch_cut(&b);
    }
    /* What the screen adds, when it changed. */
    uint64_t says = HASH_START;
    for (int i = 0; i < s->n_says; i++)
        says = hash_str(says, s->says[i].text);
    if (s->n_says && (new_screen || says != s->says_hash)) {
        for (int i = 0; i < s->n_says; i++)
            batch_add(&b, s->says[i].text, s->says[i].lang, ". ");
        batch_cut(&b);
    }
    /* Notices that were not there before. */
    uint64_t notices[SPOKEN_MAX_NOTICES];
    int n_notices = 0;
    for (size_t i = 0; i < s->n_entries && n_notices < SPOKEN_MAX_NOTICES; i++) {
        const spoken_entry *e = &s->entries[i];
        if (!e->alert)
            continue;
        uint64_t h = hash_str(HASH_START, e->text);
        bool known = false;
        for (int k = 0; k < s->n_notices && !known; k++)
            known = s->notices[k] == h;
        for (int k = 0; k < s->n_says && !known; k++)
            known = strcmp(s->says[k].text, e->text) == 0;
        notices[n_notices++] = h;
        if (!known)
            batch_add(&b, e->text, e->lang, ". ");
    }
    batch_cut(&b);
    memcpy(s->notices, notices, sizeof notices[0] * (size_t)n_notices);
    s->n_notices = n_notices;
    /* The focus, when it moved or its state changed. */
    int focus = s->overlay ? -1 : hrc_nav_top(&app->nav)->focus;
    if (focus >= app->n_targets)
        focus = -1;
    int field = -1; /* where typing goes */
    for (int i = 0; hrc_app_wants_text(app) && !s->overlay && i < app->n_targets && field < 0;
         i++)
        if (s->targets[i].role == HRC_ROLE_TEXT_FIELD)
            field = i;
    uint64_t name = 0, state = 0;
    if (focus >= 0) {
        const spoken_target *t = &s->targets[focus];
        /* A text field is the same field whatever is typed in it. */
        name = t->role == HRC_ROLE_TEXT_FIELD ? hash_int(HASH_START, focus)
                                              : hash_str(HASH_START, t->label);
        name = hash_int(name, t->role);
        state = hash_str(HASH_START, t->state);
        if (new_screen || focus != s->focus || name != s->focus_name)
            describe(app, &b, focus);
        else if (state != s->focus_state && *t->state && focus != field)
            batch_add(&b, t->state, NULL, ". ");
    }
    /* The text field typing goes to: said when it appears (focused or
     * not), then what is typed echoed (a PIN only counted). */
    if (field >= 0) {
        const spoken_target *t = &s->targets[field];
        uint64_t fstate = hash_str(HASH_START, t->state);
        size_t had = strlen(s->field_text), has = strlen(t->label);
        if (new_screen || s->field != field) {
            if (focus != field || !(new_screen || focus != s->focus || name != s->focus_name))
                describe(app, &b, field);
        } else if (has > had && strncmp(t->label, s->field_text, had) == 0) {
            batch_add(&b, t->label + had, t->lang, ". ");
        } else if (fstate != s->field_state && *t->state) {
            batch_add(&b, t->state, NULL, ". ");
        }
        snprintf(s->field_text, sizeof s->field_text, "%s", t->label);
        s->field_state = fstate;
    } else {
        s->field_text[0] = '\0';
    }
    s->field = field;
    s->focus = focus;
    s->focus_name = name;
    s->focus_state = state;
    s->identity = identity;
    s->title_hash = title;
    s->says_hash = says;
    s->fresh = false;
    emit(list, &b);
    if (b.n && !(message_only && b.n == 1))
        remember(s, &b);
    batch_free(&b);
}

/* ---- The back end's side (app.h) ------------------------------------------ */

void hrc_app_speech_settings(const hrc_app *app, hrc_app_speech *out)
{
    out->on = app->speech.on;
    out->rate_step = app->speech.rate_step;
    out->volume = app->speech.volume >= SPOKEN_VOLUME_MIN ? app->speech.volume : 100;
}

void hrc_app_speech_restart(hrc_app *app)
{
    app->speech.fresh = true;
    app->speech.n_notices = 0;
}

void hrc_app_speech_unavailable(hrc_app *app, const char *why)
{
    spoken_state *s = &app->speech;
    s->on = false;
    s->say_off = false;
    s->reading = s->read = false;
    snprintf(s->problem, sizeof s->problem, "%s", why ? why : "");
    app->stale = true;
}

/* ---- The settings screen's part ------------------------------------------------ */

void spoken_settings_draw(ui *u)
{
    const spoken_state *s = &u->app->speech;
    ui_gap(u, u->pad);
    ui_section_heading(u, ICON_SPEECH, _("Spoken guidance"));
    ui_gap(u, u->pad / 3);
    ui_option(u, C_("speech", "Off"), ACT_SPEECH, SPOKEN_OFF, !s->on);
    ui_option(u, C_("speech", "On"), ACT_SPEECH, SPOKEN_ON, s->on);
    ui_flow_end(u);
    if (!s->on)
        return;
    ui_gap(u, u->pad / 3);
    ui_button(u, _("Slower"), ACT_SPEECH, SPOKEN_SLOWER, BTN_QUIET);
    ui_button(u, _("Faster"), ACT_SPEECH, SPOKEN_FASTER, BTN_QUIET);
    ui_button(u, _("Quieter"), ACT_SPEECH, SPOKEN_QUIETER, BTN_QUIET);
    ui_button(u, _("Louder"), ACT_SPEECH, SPOKEN_LOUDER, BTN_QUIET);
    ui_flow_end(u);
}

/* ---- The sign-in screen's line ------------------------------------------------ */

void spoken_signin_hint(ui *u)
{
    hrc_app *app = u->app;
    const spoken_state *s = &app->speech;
    const hrc_palette *p = u->pal;
    const char *line;
    if (s->problem[0])
        line = s->problem;
    else if (s->on)
        line = _("Spoken guidance is on. To turn it off, press F1, or hold a finger on the "
                 "screen for two seconds.");
    else
        line = _("Spoken guidance: press F1, or hold a finger on the screen for two "
                 "seconds.");
    hrc_rect box;
    ui_box_begin(u, &box);
    int icon_px = u->h2_px;
    int iw = ui_icon(u, ICON_SPEECH, u->x, u->y, icon_px, p->accent);
    u->x += iw + u->pad / 2;
    u->w -= iw + u->pad / 2;
    ui_plain(u, line, HRC_FONT_BOLD, u->h2_px, s->problem[0] ? p->wrong : p->text);
    u->x -= iw + u->pad / 2;
    u->w += iw + u->pad / 2;
    ui_box_end(u, box, p->surface);
    ui_gap(u, u->pad / 2);
    if (s->on)
        ui_say(u, _("Tab moves from one control to the next, Enter activates it. F6 reads "
                    "the page, F4 stops, F8 repeats. F2 and F3 change the speed, F9 and F10 "
                    "the volume."));
}
