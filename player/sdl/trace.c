/* trace.c: the screen trace described in trace.h. */
#include "sdl/trace.h"

#include <string.h>

const char *hrc_trace_title(const hrc_draw_list *list)
{
    const char *title = "";
    int px = 0;
    for (size_t i = 0; i < list->count; i++) {
        const hrc_draw_cmd *c = &list->cmds[i];
        /* Icons are drawn as text too, but never name a screen. */
        if (c->kind == HRC_DRAW_TEXT && c->text && !(c->font.style & HRC_FONT_ICON) &&
            c->font.px > px) {
            px = c->font.px;
            title = c->text;
        }
    }
    return title;
}

static uint64_t mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u; /* FNV-1a, 64 bits */
    return h;
}

void hrc_trace_frame(hrc_trace *trace, const hrc_draw_list *list, const char *id,
                     FILE *out)
{
    const char *title = hrc_trace_title(list);
    if (!id)
        id = "-";
    uint64_t h = mix(14695981039346656037u, title, strlen(title) + 1);
    h = mix(h, id, strlen(id) + 1);
    for (size_t i = 0; i < list->n_targets; i++) {
        const hrc_draw_target *t = &list->targets[i];
        const char *label = t->label ? t->label : "";
        h = mix(h, label, strlen(label) + 1);
        h = mix(h, &t->focused, sizeof t->focused);
        h = mix(h, &t->rect, sizeof t->rect);
    }
    if (h == trace->last)
        return;
    trace->last = h;
    fprintf(out, "screen: %s\nid: %s\n", title, id);
    for (size_t i = 0; i < list->n_targets; i++) {
        const hrc_draw_target *t = &list->targets[i];
        fprintf(out, "target: %d %d %d %d %s%s\n", t->rect.x, t->rect.y, t->rect.w,
                t->rect.h, t->focused ? "*" : "", t->label ? t->label : "");
    }
    fprintf(out, "end\n");
    fflush(out);
}

void hrc_trace_say(const hrc_draw_list *list, FILE *out)
{
    for (size_t i = 0; i < list->n_utterances; i++)
        fprintf(out, "say: %s%s %s\n", list->utterances[i].queue ? "+" : "",
                list->utterances[i].lang, list->utterances[i].text);
    if (list->n_utterances)
        fflush(out);
}
