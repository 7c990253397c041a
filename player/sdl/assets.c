/* assets.c: locating the assets folder (see assets.h for the order). */
#include "sdl/assets.h"

#include <SDL.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef HRC_BUILD_ASSETS_DIR
#define HRC_BUILD_ASSETS_DIR ""
#endif

static const char *const font_files[4] = {
    [HRC_FONT_REGULAR] = "DejaVuSans.ttf",
    [HRC_FONT_ITALIC] = "DejaVuSans-Oblique.ttf",
    [HRC_FONT_BOLD] = "DejaVuSans-Bold.ttf",
    [HRC_FONT_BOLD | HRC_FONT_ITALIC] = "DejaVuSans-BoldOblique.ttf",
};

/* Icons are glyphs of an icon font, drawn through the same text path. */
static const char icon_font[] = "MaterialIcons-Regular.ttf";

int hrc_assets_font_path(const char *assets_dir, unsigned style, char *out,
                         size_t out_size)
{
    int n = snprintf(out, out_size, "%s/fonts/%s", assets_dir,
                     style & HRC_FONT_ICON
                         ? icon_font
                         : font_files[style & (HRC_FONT_BOLD | HRC_FONT_ITALIC)]);
    return n < 0 || (size_t)n >= out_size ? -1 : 0;
}

static int holds_fonts(const char *dir)
{
    char path[4096];
    return hrc_assets_font_path(dir, HRC_FONT_REGULAR, path, sizeof path) == 0 &&
           access(path, R_OK) == 0;
}

static int copy_dir(char *out, size_t out_size, const char *dir)
{
    int n = snprintf(out, out_size, "%s", dir);
    return n < 0 || (size_t)n >= out_size ? -1 : 0;
}

int hrc_assets_find(char *out, size_t out_size, char *err, size_t err_size)
{
    const char *env = getenv("HRC_ASSETS_DIR");
    if (env && *env) {
        if (!holds_fonts(env)) {
            snprintf(err, err_size,
                     "HRC_ASSETS_DIR is %s, but it has no fonts/DejaVuSans.ttf", env);
            return -1;
        }
        return copy_dir(out, out_size, env);
    }

    char *base = SDL_GetBasePath(); /* the executable's folder, with a slash */
    if (base) {
        char installed[4096];
        int n = snprintf(installed, sizeof installed, "%s../share/hrc-player/assets",
                         base);
        SDL_free(base);
        if (n > 0 && (size_t)n < sizeof installed && holds_fonts(installed))
            return copy_dir(out, out_size, installed);
    }

    if (*HRC_BUILD_ASSETS_DIR && holds_fonts(HRC_BUILD_ASSETS_DIR))
        return copy_dir(out, out_size, HRC_BUILD_ASSETS_DIR);

    snprintf(err, err_size, "cannot find the fonts: set HRC_ASSETS_DIR to the folder "
                            "holding fonts/DejaVuSans.ttf");
    return -1;
}
