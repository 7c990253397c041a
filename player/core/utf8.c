/* Reading UTF-8. See utf8.h. */
#include "core/utf8.h"

size_t hrc_utf8_decode(const char *s, size_t left, uint32_t *cp)
{
    if (left == 0)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    uint32_t c = p[0];
    size_t n;
    uint32_t min;
    if (c < 0x80)
        n = 1, min = 0;
    else if ((c & 0xe0) == 0xc0)
        n = 2, min = 0x80, c &= 0x1f;
    else if ((c & 0xf0) == 0xe0)
        n = 3, min = 0x800, c &= 0x0f;
    else if ((c & 0xf8) == 0xf0)
        n = 4, min = 0x10000, c &= 0x07;
    else
        return 0;
    if (left < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    if (cp)
        *cp = c;
    return n;
}

size_t hrc_utf8_char_len(const char *s, size_t left)
{
    if (left == 0)
        return 0;
    size_t n = 1;
    /* Continuation bytes are 10xxxxxx; a lead byte is followed by them. */
    while (n < left && n < 4 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}
