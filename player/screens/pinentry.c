/* Typing a PIN on screen. See pinentry.h. */
#include "screens/pinentry.h"

#include <stdio.h>
#include <string.h>

void pin_entry_init(pin_entry *p, int max)
{
    pin_entry_clear(p);
    p->max = max > 0 && max < UI_PIN_MAX ? max : UI_PIN_MAX - 1;
    p->wait_until = 0;
    p->pending = 0;
}

void pin_entry_clear(pin_entry *p)
{
    explicit_bzero(p->digits, sizeof p->digits);
}

bool pin_entry_empty(const pin_entry *p)
{
    return p->digits[0] == '\0';
}

unsigned pin_entry_text(pin_entry *p, const hrc_input *in)
{
    size_t n = strlen(p->digits);
    if (in->kind == HRC_IN_BACKSPACE) {
        if (n)
            p->digits[n - 1] = '\0';
        return HRC_APP_REDRAW;
    }
    for (size_t i = 0; i < sizeof in->text && in->text[i]; i++)
        if (in->text[i] >= '0' && in->text[i] <= '9' && n < (size_t)p->max &&
            n + 1 < sizeof p->digits) {
            p->digits[n++] = in->text[i];
            p->digits[n] = '\0';
        }
    return HRC_APP_REDRAW;
}

unsigned pin_entry_key(pin_entry *p, int arg)
{
    hrc_input in;
    if (!osk_press(&p->keypad, arg, p->digits, &in))
        return HRC_APP_REDRAW;
    unsigned eff = pin_entry_text(p, &in);
    explicit_bzero(in.text, sizeof in.text);
    return eff;
}

int pin_entry_draw(ui *u, const pin_entry *p, const char *prompt, int field_action,
                   int key_action)
{
    if (prompt && *prompt) {
        ui_plain(u, prompt, HRC_FONT_BOLD, u->px, u->pal->text);
        ui_gap(u, u->pad / 3);
    }
    char dots[UI_PIN_MAX * 3 + 2] = "";
    for (size_t i = 0; p->digits[i] && i < UI_PIN_MAX; i++)
        strcat(dots, "\xe2\x80\xa2"); /* one bullet a digit */
    strcat(dots, "|");
    int field = ui_block_button(u, NULL, NULL, NULL, dots, field_action, 0, BTN_QUIET, false);
    if (u->app->kiosk) {
        ui_gap(u, u->pad / 3);
        osk_draw(u, &p->keypad, OSK_PIN, key_action, p->digits);
    }
    return field;
}

void pin_entry_wait(pin_entry *p, uint64_t now, int64_t wait_ms)
{
    p->wait_until = wait_ms > 0 ? now + (uint64_t)wait_ms : 0;
}

bool pin_entry_waiting(const pin_entry *p, uint64_t now)
{
    return p->wait_until > now;
}

void pin_format_wait(int64_t ms, char *out, size_t size)
{
    long long s = ms <= 0 ? 0 : (ms + 999) / 1000;
    if (s < 60)
        snprintf(out, size, _("%lld s"), s);
    else
        snprintf(out, size, _("%lld min %02lld s"), s / 60, s % 60);
}

bool pin_entry_wait_text(const pin_entry *p, uint64_t now, char *out, size_t size)
{
    out[0] = '\0';
    if (!pin_entry_waiting(p, now))
        return false;
    char left[64];
    pin_format_wait((int64_t)(p->wait_until - now), left, sizeof left);
    snprintf(out, size, _("Too many wrong PINs. Try again in %s."), left);
    return true;
}

int64_t pin_entry_timer(const pin_entry *p, uint64_t now)
{
    if (p->pending)
        return 0;
    if (!pin_entry_waiting(p, now))
        return -1;
    /* Wake at the next whole second of the countdown, and at its end. */
    uint64_t left = p->wait_until - now;
    uint64_t to_second = left % 1000u ? left % 1000u : 1000u;
    return (int64_t)to_second;
}
