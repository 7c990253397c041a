/*
 * wav.h: writing speech as a WAV file (RIFF, PCM, 16-bit, mono), for
 * --render DIR --speech.
 *
 * Promises:
 * - The file appears whole or not at all: it is written under a new
 *   temporary name in the same folder (created with O_EXCL, so a link
 *   planted there is never followed) and renamed over `path` at the end.
 *   A symbolic link already at `path` is replaced, its target untouched.
 * - Byte order is little-endian, as RIFF requires, on any machine.
 * - Nothing is printed; a failure leaves no temporary file behind and
 *   says why, translated, in err.
 */
#ifndef HRC_WAV_H
#define HRC_WAV_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum { HRC_WAV_HEADER_SIZE = 44 };

/*
 * Writes count samples at sample_rate to path. mode is the new file's
 * permission before the umask: 0600 for private files, 0666 for author
 * output that should look like the PNGs of --render. Refuses (EFBIG) what
 * would not fit a RIFF file's 4 GiB.
 * Returns 0, or -1 with errno set and a message in err.
 */
int hrc_wav_write(const char *path, const int16_t *samples, size_t count, int sample_rate,
                  mode_t mode, char *err, size_t err_size);

#endif
