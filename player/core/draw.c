#include "core/draw.h"

#include "core/arena.h"

#include <stdlib.h>
#include <string.h>

void hrc_draw_list_init(hrc_draw_list *list)
{
    memset(list, 0, sizeof *list);
}

void hrc_draw_list_clear(hrc_draw_list *list)
{
    list->count = 0;
    list->n_targets = 0;
    list->n_utterances = 0;
    list->out_of_memory = false;
    /* The arena cannot be reset in place; a new one is cheap (one calloc). */
    hrc_arena_free(list->strings);
    list->strings = NULL;
}

void hrc_draw_list_free(hrc_draw_list *list)
{
    if (!list)
        return;
    free(list->cmds);
    free(list->targets);
    free(list->utterances);
    hrc_arena_free(list->strings);
    memset(list, 0, sizeof *list);
}

/* Grows an array by doubling; false on allocation failure. */
static bool grow(void **items, size_t *capacity, size_t count, size_t size)
{
    if (count < *capacity)
        return true;
    size_t cap = *capacity ? *capacity * 2 : 256;
    void *p = realloc(*items, cap * size);
    if (!p)
        return false;
    *items = p;
    *capacity = cap;
    return true;
}

static hrc_draw_cmd *push(hrc_draw_list *list, hrc_draw_kind kind, hrc_rect rect)
{
    if (!grow((void **)&list->cmds, &list->capacity, list->count, sizeof *list->cmds)) {
        list->out_of_memory = true;
        return NULL;
    }
    hrc_draw_cmd *c = &list->cmds[list->count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->rect = rect;
    return c;
}

static const char *copy_string(hrc_draw_list *list, const char *text, size_t len)
{
    if (!list->strings && !(list->strings = hrc_arena_new()))
        return NULL;
    return hrc_arena_strndup(list->strings, text ? text : "", text ? len : 0);
}

void hrc_draw_rect(hrc_draw_list *list, hrc_rect rect, hrc_color color, int radius)
{
    hrc_draw_cmd *c = push(list, HRC_DRAW_RECT, rect);
    if (c) {
        c->color = color;
        c->radius = radius;
    }
}

void hrc_draw_frame(hrc_draw_list *list, hrc_rect rect, hrc_color color,
                    int thickness)
{
    hrc_draw_cmd *c = push(list, HRC_DRAW_FRAME, rect);
    if (c) {
        c->color = color;
        c->thickness = thickness;
    }
}

void hrc_draw_text(hrc_draw_list *list, hrc_rect rect, hrc_rect bounds,
                   hrc_font font, hrc_color color, const char *text, size_t len)
{
    const char *copy = copy_string(list, text, len);
    if (!copy) {
        list->out_of_memory = true;
        return;
    }
    hrc_draw_cmd *c = push(list, HRC_DRAW_TEXT, rect);
    if (c) {
        c->color = color;
        c->font = font;
        c->text = copy;
        c->bounds = bounds;
    }
}

void hrc_draw_image(hrc_draw_list *list, hrc_rect rect, const char *path)
{
    const char *copy = copy_string(list, path, path ? strlen(path) : 0);
    if (!copy) {
        list->out_of_memory = true;
        return;
    }
    hrc_draw_cmd *c = push(list, HRC_DRAW_IMAGE, rect);
    if (c)
        c->text = copy;
}

void hrc_draw_clip(hrc_draw_list *list, hrc_rect rect)
{
    push(list, HRC_DRAW_CLIP, rect);
}

void hrc_draw_target_add(hrc_draw_list *list, hrc_rect rect, const char *label,
                         bool focused)
{
    const char *copy = copy_string(list, label, label ? strlen(label) : 0);
    if (!copy || !grow((void **)&list->targets, &list->targets_capacity,
                       list->n_targets, sizeof *list->targets)) {
        list->out_of_memory = true;
        return;
    }
    list->targets[list->n_targets++] = (hrc_draw_target){
        .rect = rect, .label = copy, .focused = focused, .role = HRC_ROLE_BUTTON, .state = ""};
}

void hrc_draw_target_describe(hrc_draw_list *list, hrc_role role, const char *state,
                              const char *lang)
{
    if (!list->n_targets)
        return;
    hrc_draw_target *t = &list->targets[list->n_targets - 1];
    t->role = role;
    t->state = state && *state ? copy_string(list, state, strlen(state)) : "";
    t->lang = lang && *lang ? copy_string(list, lang, strlen(lang)) : NULL;
    if (!t->state) {
        t->state = "";
        list->out_of_memory = true;
    }
}

void hrc_draw_say(hrc_draw_list *list, const char *text, const char *lang, bool queue)
{
    const char *t = copy_string(list, text, text ? strlen(text) : 0);
    const char *l = copy_string(list, lang && *lang ? lang : "en",
                                lang && *lang ? strlen(lang) : 2);
    if (!t || !l || !grow((void **)&list->utterances, &list->utterances_capacity,
                          list->n_utterances, sizeof *list->utterances)) {
        list->out_of_memory = true;
        return;
    }
    list->utterances[list->n_utterances++] = (hrc_utterance){t, l, queue};
}

const char *hrc_draw_copy(hrc_draw_list *list, const char *text)
{
    const char *c = copy_string(list, text, text ? strlen(text) : 0);
    if (!c)
        list->out_of_memory = true;
    return c;
}

bool hrc_rect_contains(hrc_rect outer, hrc_rect inner)
{
    return inner.x >= outer.x && inner.y >= outer.y &&
           (long)inner.x + inner.w <= (long)outer.x + outer.w &&
           (long)inner.y + inner.h <= (long)outer.y + outer.h;
}

bool hrc_rect_has_point(hrc_rect r, int x, int y)
{
    return x >= r.x && y >= r.y && (long)x < (long)r.x + r.w &&
           (long)y < (long)r.y + r.h;
}

hrc_rect hrc_rect_intersect(hrc_rect a, hrc_rect b)
{
    long x0 = a.x > b.x ? a.x : b.x;
    long y0 = a.y > b.y ? a.y : b.y;
    long x1 = (long)a.x + a.w < (long)b.x + b.w ? (long)a.x + a.w : (long)b.x + b.w;
    long y1 = (long)a.y + a.h < (long)b.y + b.h ? (long)a.y + a.h : (long)b.y + b.h;
    if (x1 <= x0 || y1 <= y0)
        return (hrc_rect){0, 0, 0, 0};
    return (hrc_rect){(int)x0, (int)y0, (int)(x1 - x0), (int)(y1 - y0)};
}
