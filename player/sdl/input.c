/* input.c: the SDL event -> hrc_input table described in input.h. */
#include "sdl/input.h"

#include <string.h>

/* Share of the screen diagonal two fingers must spread or close per zoom step. */
#define PINCH_STEP 0.06f

void hrc_input_map_resize(hrc_input_map *map, int window_w, int window_h,
                          int output_w, int output_h)
{
    map->window_w = window_w > 0 ? window_w : 1;
    map->window_h = window_h > 0 ? window_h : 1;
    map->output_w = output_w;
    map->output_h = output_h;
}

static int to_output_x(const hrc_input_map *map, int x)
{
    return (int)((long long)x * map->output_w / map->window_w);
}

static int to_output_y(const hrc_input_map *map, int y)
{
    return (int)((long long)y * map->output_h / map->window_h);
}

static hrc_input make(hrc_input_kind kind, uint64_t now_ms)
{
    return (hrc_input){.kind = kind, .now_ms = now_ms};
}

static hrc_input_kind key_kind(const hrc_input_map *map, const SDL_KeyboardEvent *k)
{
    SDL_Keymod mod = k->keysym.mod;
    bool ctrl = mod & KMOD_CTRL, alt = mod & KMOD_ALT, shift = mod & KMOD_SHIFT;
    switch (k->keysym.sym) {
    case SDLK_f:
        return ctrl && alt ? HRC_IN_FACILITATOR : HRC_IN_NONE;
    case SDLK_q:
        return ctrl && !alt ? HRC_IN_QUIT : HRC_IN_NONE;
    case SDLK_TAB: return shift ? HRC_IN_PREV : HRC_IN_NEXT;
    case SDLK_UP: return HRC_IN_UP;
    case SDLK_DOWN: return HRC_IN_DOWN;
    case SDLK_LEFT: return HRC_IN_LEFT;
    case SDLK_RIGHT: return HRC_IN_RIGHT;
    case SDLK_RETURN:
    case SDLK_RETURN2:
    case SDLK_KP_ENTER: return HRC_IN_ACTIVATE;
    case SDLK_SPACE: return map->text_field ? HRC_IN_NONE : HRC_IN_ACTIVATE;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK: return HRC_IN_BACK;
    case SDLK_PAGEUP: return HRC_IN_PAGE_UP;
    case SDLK_PAGEDOWN: return HRC_IN_PAGE_DOWN;
    case SDLK_HOME: return HRC_IN_HOME;
    case SDLK_END: return HRC_IN_END;
    case SDLK_BACKSPACE: return HRC_IN_BACKSPACE;
    case SDLK_KP_PLUS: return HRC_IN_ZOOM_IN;
    case SDLK_KP_MINUS: return HRC_IN_ZOOM_OUT;
    /* "+" is Shift+= on many layouts, so "=" zooms in too. */
    case SDLK_PLUS:
    case SDLK_EQUALS:
        return ctrl || !map->text_field ? HRC_IN_ZOOM_IN : HRC_IN_NONE;
    case SDLK_MINUS:
        return ctrl || !map->text_field ? HRC_IN_ZOOM_OUT : HRC_IN_NONE;
    default: break;
    }
    if (ctrl || alt)
        return HRC_IN_NONE; /* Alt+F4 and Ctrl+Alt+F1 belong to the system */
    switch (k->keysym.sym) {
    /* A presentation remote's "blank screen" key sends one or the other;
     * in a text field they are letters. */
    case SDLK_b:
    case SDLK_PERIOD:
        return map->text_field ? HRC_IN_NONE : HRC_IN_BLANK;
    case SDLK_F1: return HRC_IN_SPEECH_TOGGLE;
    case SDLK_F2: return HRC_IN_SPEECH_SLOWER;
    case SDLK_F3: return HRC_IN_SPEECH_FASTER;
    case SDLK_F4: return HRC_IN_SPEECH_STOP;
    case SDLK_F6: return HRC_IN_SPEECH_READ;
    case SDLK_F7: return HRC_IN_SPEECH_NEXT;
    case SDLK_F8: return HRC_IN_SPEECH_REPEAT;
    case SDLK_F9: return HRC_IN_SPEECH_QUIETER;
    case SDLK_F10: return HRC_IN_SPEECH_LOUDER;
    default: return HRC_IN_NONE;
    }
}

static int map_key(hrc_input_map *map, const SDL_KeyboardEvent *k, uint64_t now_ms,
                   hrc_input *out)
{
    hrc_input_kind kind = key_kind(map, k);
    if (kind == HRC_IN_NONE)
        return 0;
    /* A held key repeats movement (and speech rate or volume steps), never
     * an action. */
    if (k->repeat && (kind == HRC_IN_ACTIVATE || kind == HRC_IN_BACK ||
                      kind == HRC_IN_FACILITATOR || kind == HRC_IN_SPEECH_TOGGLE ||
                      kind == HRC_IN_SPEECH_STOP || kind == HRC_IN_SPEECH_READ ||
                      kind == HRC_IN_SPEECH_NEXT || kind == HRC_IN_SPEECH_REPEAT ||
                      kind == HRC_IN_BLANK))
        return 0;
    out[0] = make(kind, now_ms);
    return 1;
}

/* Typed text, unless the key that typed it already acted (Space, +, -
 * outside text fields), which would act twice. */
static int map_text(hrc_input_map *map, const SDL_TextInputEvent *t, uint64_t now_ms,
                    hrc_input *out)
{
    if (!map->text_field &&
        (!strcmp(t->text, " ") || !strcmp(t->text, "+") || !strcmp(t->text, "-") ||
         !strcmp(t->text, "=") || !strcmp(t->text, "b") || !strcmp(t->text, "B") ||
         !strcmp(t->text, ".")))
        return 0;
    if (SDL_GetModState() & (KMOD_CTRL | KMOD_ALT))
        return 0;
    out[0] = make(HRC_IN_TEXT, now_ms);
    size_t n = strlen(t->text);
    if (n >= sizeof out[0].text)
        n = sizeof out[0].text - 1;
    memcpy(out[0].text, t->text, n);
    out[0].text[n] = '\0';
    return 1;
}

static hrc_input pointer(const hrc_input_map *map, hrc_input_kind kind, int x, int y,
                         uint64_t now_ms)
{
    hrc_input in = make(kind, now_ms);
    in.x = to_output_x(map, x);
    in.y = to_output_y(map, y);
    return in;
}

static int map_finger(hrc_input_map *map, const SDL_TouchFingerEvent *f,
                      uint64_t now_ms, hrc_input *out)
{
    hrc_input in = make(HRC_IN_NONE, now_ms);
    in.touch = true;
    in.x = (int)(f->x * (float)map->output_w);
    in.y = (int)(f->y * (float)map->output_h);
    if (map->gesture) {
        /* Two fingers: a pinch, or a tap of both. Nothing under them acts. */
        switch (f->type) {
        case SDL_FINGERMOTION:
            map->gesture_moved += (f->dx < 0 ? -f->dx : f->dx) + (f->dy < 0 ? -f->dy : f->dy);
            return 0;
        case SDL_FINGERUP:
            if (f->fingerId == map->finger)
                map->finger_down = false;
            else if (f->fingerId == map->second)
                map->second_down = false;
            if (map->finger_down || map->second_down)
                return 0;
            map->gesture = false;
            if (map->gesture_moved >= 0.03f || now_ms > map->gesture_ms + HRC_INPUT_TAP_MS)
                return 0;
            out[0] = make(HRC_IN_SPEECH_READ, now_ms);
            return 1;
        default:
            return 0;
        }
    }
    switch (f->type) {
    case SDL_FINGERDOWN:
        if (map->finger_down) {
            /* A second finger: a pinch or a two-finger tap, never a tap on
             * what the first one pressed. Its press ends on nothing. */
            map->gesture = true;
            map->second_down = true;
            map->second = f->fingerId;
            map->gesture_ms = now_ms;
            map->gesture_moved = 0;
            in.kind = HRC_IN_POINTER_UP;
            in.x = in.y = -1;
            break;
        }
        map->finger_down = true;
        map->finger = f->fingerId;
        map->pinch = 0;
        in.kind = HRC_IN_POINTER_DOWN;
        break;
    case SDL_FINGERMOTION:
        if (!map->finger_down || f->fingerId != map->finger)
            return 0;
        in.kind = HRC_IN_POINTER_MOVE;
        in.pressed = true;
        break;
    case SDL_FINGERUP:
        if (!map->finger_down || f->fingerId != map->finger)
            return 0;
        map->finger_down = false;
        in.kind = HRC_IN_POINTER_UP;
        break;
    default:
        return 0;
    }
    out[0] = in;
    return 1;
}

static int map_pinch(hrc_input_map *map, const SDL_MultiGestureEvent *g,
                     uint64_t now_ms, hrc_input *out)
{
    map->pinch += g->dDist;
    map->gesture_moved += g->dDist < 0 ? -g->dDist : g->dDist;
    int n = 0;
    while (n < HRC_INPUT_MAX_PER_EVENT &&
           (map->pinch >= PINCH_STEP || map->pinch <= -PINCH_STEP)) {
        bool spread = map->pinch > 0;
        out[n++] = make(spread ? HRC_IN_ZOOM_IN : HRC_IN_ZOOM_OUT, now_ms);
        map->pinch += spread ? -PINCH_STEP : PINCH_STEP;
    }
    return n;
}

static int map_wheel(const SDL_MouseWheelEvent *w, uint64_t now_ms, hrc_input *out)
{
    int dx = w->x, dy = w->y;
    if (w->direction == SDL_MOUSEWHEEL_FLIPPED) {
        dx = -dx;
        dy = -dy;
    }
    if (SDL_GetModState() & KMOD_CTRL) {
        if (dy == 0)
            return 0;
        out[0] = make(dy > 0 ? HRC_IN_ZOOM_IN : HRC_IN_ZOOM_OUT, now_ms);
        return 1;
    }
    if (dx == 0 && dy == 0)
        return 0;
    out[0] = make(HRC_IN_WHEEL, now_ms);
    out[0].dx = dx;
    out[0].dy = dy;
    return 1;
}

int hrc_input_map_event(hrc_input_map *map, const SDL_Event *e, uint64_t now_ms,
                        hrc_input *out)
{
    switch (e->type) {
    case SDL_KEYDOWN:
        return map_key(map, &e->key, now_ms, out);
    case SDL_TEXTINPUT:
        return map_text(map, &e->text, now_ms, out);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        if (e->button.which == SDL_TOUCH_MOUSEID)
            return 0;
        bool down = e->type == SDL_MOUSEBUTTONDOWN;
        if (down && e->button.button != SDL_BUTTON_LEFT)
            return 0; /* only the main button acts; the others do nothing */
        if (!down && (e->button.button != SDL_BUTTON_LEFT || !map->mouse_down))
            return 0;
        map->mouse_down = down;
        out[0] = pointer(map, down ? HRC_IN_POINTER_DOWN : HRC_IN_POINTER_UP,
                         e->button.x, e->button.y, now_ms);
        return 1;
    }
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return 0;
        out[0] = pointer(map, HRC_IN_POINTER_MOVE, e->motion.x, e->motion.y, now_ms);
        out[0].pressed = map->mouse_down;
        return 1;
    case SDL_MOUSEWHEEL:
        if (e->wheel.which == SDL_TOUCH_MOUSEID)
            return 0;
        return map_wheel(&e->wheel, now_ms, out);
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        return map_finger(map, &e->tfinger, now_ms, out);
    case SDL_MULTIGESTURE:
        return map_pinch(map, &e->mgesture, now_ms, out);
    default:
        return 0;
    }
}
