#include "core/nav.h"

#include <string.h>

hrc_nav_loc hrc_nav_location(hrc_screen screen, int module, int item)
{
    return (hrc_nav_loc){.screen = screen, .module = module, .item = item, .focus = -1};
}

static void release(hrc_nav *nav, hrc_nav_loc *loc)
{
    if (nav->release)
        nav->release(nav->release_ctx, loc);
    loc->state = NULL;
}

void hrc_nav_clear(hrc_nav *nav)
{
    while (nav->depth > 0)
        release(nav, &nav->stack[--nav->depth]);
}

void hrc_nav_reset(hrc_nav *nav, hrc_nav_loc root)
{
    hrc_nav_clear(nav);
    nav->stack[0] = root;
    nav->depth = 1;
}

void hrc_nav_push(hrc_nav *nav, hrc_nav_loc loc)
{
    if (nav->depth == 0) {
        hrc_nav_reset(nav, loc);
        return;
    }
    if (nav->depth == HRC_NAV_DEPTH) { /* forget the oldest step but the root */
        release(nav, &nav->stack[1]);
        memmove(&nav->stack[1], &nav->stack[2], (HRC_NAV_DEPTH - 2) * sizeof nav->stack[0]);
        nav->depth--;
    }
    nav->stack[nav->depth++] = loc;
}

void hrc_nav_replace(hrc_nav *nav, hrc_nav_loc loc)
{
    if (nav->depth == 0) {
        hrc_nav_reset(nav, loc);
        return;
    }
    release(nav, &nav->stack[nav->depth - 1]);
    nav->stack[nav->depth - 1] = loc;
}

bool hrc_nav_back(hrc_nav *nav)
{
    if (nav->depth <= 1)
        return false;
    release(nav, &nav->stack[--nav->depth]);
    return true;
}

hrc_nav_loc *hrc_nav_top(hrc_nav *nav)
{
    return &nav->stack[nav->depth ? nav->depth - 1 : 0];
}

const hrc_nav_loc *hrc_nav_top_const(const hrc_nav *nav)
{
    return &nav->stack[nav->depth ? nav->depth - 1 : 0];
}

hrc_screen hrc_nav_screen_for(hrc_item_kind kind)
{
    switch (kind) {
    case HRC_ITEM_PAGE: return HRC_SCREEN_PAGE;
    case HRC_ITEM_TIMELINE: return HRC_SCREEN_TIMELINE;
    case HRC_ITEM_CASE: return HRC_SCREEN_CASE;
    case HRC_ITEM_QUIZ: return HRC_SCREEN_QUIZ;
    }
    return HRC_SCREEN_MODULE;
}

int hrc_nav_focus_step(int focus, int n, int step)
{
    if (n <= 0)
        return -1;
    if (focus < 0 || focus >= n)
        return step > 0 ? 0 : n - 1;
    return ((focus + step) % n + n) % n;
}
