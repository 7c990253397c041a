#include "core/theme.h"

#include <math.h>

#define RGB(v) {(uint8_t)((v) >> 16), (uint8_t)((v) >> 8), (uint8_t)(v), 255}

static const hrc_palette default_palette = {
    .name = "default",
    .background = RGB(0xf7f5f0),
    .surface = RGB(0xffffff),
    .text = RGB(0x1d1d1f),
    .muted = RGB(0x52525b),
    .button = RGB(0x1f4e79),
    .button_text = RGB(0xffffff),
    .selected = RGB(0x1f4e79),
    .selected_text = RGB(0xffffff),
    .picked = RGB(0xe6eef8),
    .picked_border = RGB(0x1f4e79),
    .focus = RGB(0x111827),
    .focus_inner = RGB(0xffffff),
    .accent = RGB(0x1f6f5c),
    .track = RGB(0xdedad2),
    .border = RGB(0x8a8a8a),
    .right = RGB(0x0b6e2f),
    .wrong = RGB(0xa61b1b),
    .band = {RGB(0xdbe7f3), RGB(0xf3e6d0)},
    .band_text = RGB(0x1d1d1f),
    .marker = RGB(0x7c2d12),
    .overlay = {0, 0, 0, 160},
};

static const hrc_palette high_contrast_palette = {
    .name = "high-contrast",
    .background = RGB(0x000000),
    .surface = RGB(0x000000),
    .text = RGB(0xffffff),
    .muted = RGB(0xe5e5e5),
    .button = RGB(0xffff00),
    .button_text = RGB(0x000000),
    .selected = RGB(0x00ffff),
    .selected_text = RGB(0x000000),
    .picked = RGB(0x002b4d),
    .picked_border = RGB(0x00ffff),
    .focus = RGB(0xff00ff),
    .focus_inner = RGB(0x000000),
    .accent = RGB(0x00ffff),
    .track = RGB(0x333333),
    .border = RGB(0xffffff),
    .right = RGB(0x7cfc00),
    .wrong = RGB(0xff9f9f),
    .band = {RGB(0x1a1a1a), RGB(0x303030)},
    .band_text = RGB(0xffffff),
    .marker = RGB(0xffff00),
    .overlay = {0, 0, 0, 220},
};

const hrc_palette *hrc_palette_get(bool high_contrast)
{
    return high_contrast ? &high_contrast_palette : &default_palette;
}

static double channel(uint8_t c)
{
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double luminance(hrc_color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double hrc_contrast_ratio(hrc_color a, hrc_color b)
{
    double la = luminance(a), lb = luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

size_t hrc_palette_text_pairs(const hrc_palette *p, hrc_color_pair *out, size_t max)
{
    const hrc_color_pair pairs[] = {
        {"text on background", p->text, p->background},
        {"text on surface", p->text, p->surface},
        {"muted on background", p->muted, p->background},
        {"muted on surface", p->muted, p->surface},
        {"button text", p->button_text, p->button},
        {"selected text", p->selected_text, p->selected},
        {"text on a picked answer", p->text, p->picked},
        {"picked mark on a picked answer", p->picked_border, p->picked},
        {"right feedback", p->right, p->surface},
        {"wrong feedback", p->wrong, p->surface},
        {"era title on band 0", p->band_text, p->band[0]},
        {"era title on band 1", p->band_text, p->band[1]},
    };
    size_t n = sizeof pairs / sizeof pairs[0];
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = pairs[i];
    return n;
}

size_t hrc_palette_ring_grounds(const hrc_palette *p, hrc_color_pair *out, size_t max)
{
    const hrc_color_pair grounds[] = {
        {"background", {0}, p->background},
        {"surface", {0}, p->surface},
        {"button", {0}, p->button},
        {"selected", {0}, p->selected},
        {"picked answer", {0}, p->picked},
        {"picked border", {0}, p->picked_border},
        {"right answer border", {0}, p->right},
        {"wrong answer border", {0}, p->wrong},
        {"border", {0}, p->border},
        {"era band 0", {0}, p->band[0]},
        {"era band 1", {0}, p->band[1]},
        {"event marker", {0}, p->marker},
        {"progress bar", {0}, p->accent},
        {"progress track", {0}, p->track},
    };
    size_t n = sizeof grounds / sizeof grounds[0];
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = grounds[i];
    return n;
}
