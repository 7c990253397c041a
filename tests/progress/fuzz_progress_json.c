/*
 * libFuzzer harness for the import's JSON reader: any bytes must give
 * elements or a clear error, never a crash, a hang or a leak.
 * Build with -DHRC_FUZZ=ON; run: BUILD/tests/fuzz_progress_json -max_total_time=60
 */
#include "io/progress_json.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touches every value, as the import does. */
static size_t walk(const hrc_json *v, int depth)
{
    size_t n = 1;
    if (v->type == HRC_JSON_STRING)
        n += strlen(v->string) <= v->length;
    for (const hrc_json *c = v->child; c; c = c->next)
        n += walk(c, depth + 1);
    if (v->type == HRC_JSON_OBJECT)
        n += hrc_json_get_string(v, "id") != NULL;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hrc_json_reader r;
    hrc_json_reader_init(&r, (const char *)data, size);
    if (hrc_json_array_open(&r)) {
        const hrc_json *v;
        while (hrc_json_array_next(&r, &v) == 1)
            walk(v, 0);
    }
    hrc_json_reader_free(&r);
    return 0;
}
