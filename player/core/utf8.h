/*
 * utf8.h: reading UTF-8, one character at a time.
 *
 * hrc_utf8_decode is strict, for text that must be valid (names, what the
 * store exports, what a preview shows): overlong forms, surrogates and
 * values above U+10FFFF are refused. hrc_utf8_char_len is lenient, for
 * text that is only cut into characters (layout): a stray byte counts as
 * one character.
 */
#ifndef HRC_CORE_UTF8_H
#define HRC_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length of the valid UTF-8 character at s (at most `left` bytes),
 * with its code point in *cp (may be NULL); 0 when the bytes there are not
 * one, or left is 0. */
size_t hrc_utf8_decode(const char *s, size_t left, uint32_t *cp);

/* Byte length of the UTF-8 character starting at s (1 for a stray byte),
 * at most `left`. */
size_t hrc_utf8_char_len(const char *s, size_t left);

#endif
