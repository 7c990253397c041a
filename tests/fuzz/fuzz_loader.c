/*
 * libFuzzer harness for the module loader: any bytes at all, loaded as a
 * module named fuzz.xml in an empty scratch folder (so image paths resolve
 * against a real, harmless place). Everything is freed on every run so
 * that LeakSanitizer sees any leak in the loader.
 */
#include "core/diag.h"
#include "core/model.h"
#include "io/loader.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char module_path[512];
static char scratch_dir[256];

static void remove_scratch(void)
{
    rmdir(scratch_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch_dir, sizeof(scratch_dir), "%s/hrc-fuzz-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch_dir))
        abort();
    atexit(remove_scratch);
    snprintf(module_path, sizeof(module_path), "%s/fuzz.xml", scratch_dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hrc_diags diags;
    hrc_diags_init(&diags);
    hrc_module *module = NULL;
    hrc_load_options opts = {0};
    int rc = hrc_module_load_memory((const char *)data, size, module_path, &opts,
                                    &module, &diags);
    /* The loader's contract: success gives a module with content, failure
     * an error; every diagnostic is one line pointing inside the input. */
    if (rc == 0 && (!module || !module->id || module->n_items == 0))
        abort();
    if (rc != 0 && (module || diags.n_errors == 0))
        abort();
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    for (size_t i = 0; i < diags.count; i++) {
        const hrc_diag *d = &diags.items[i];
        if (!d->message || strchr(d->message, '\n') || d->line > lines)
            abort();
    }
    hrc_module_free(module);
    hrc_diags_clear(&diags);
    return 0;
}
