/*
 * minimal.c: the smallest SDL2 + SDL2_ttf program that shows what the
 * player shows first: a window with one paragraph of text. It opens the
 * window, draws the paragraph, presents one frame and exits. The startup
 * benchmark compares the player's time to its first frame against this.
 * Usage: minimal FONT.ttf [WxH]
 */
#include <SDL.h>
#include <SDL_ttf.h>

#include <stdio.h>

static const char paragraph[] =
    "A human rights city is a local community where the government, "
    "residents and organisations take human rights as the guide for "
    "policies, budgets and services, so that everyone can live in dignity.";

int main(int argc, char **argv)
{
    int w = 1280, h = 800;
    if (argc < 2 || (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2)) {
        fprintf(stderr, "usage: %s FONT.ttf [WxH]\n", argv[0]);
        return 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO) || TTF_Init()) {
        fprintf(stderr, "minimal: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("minimal", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, w, h,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    TTF_Font *font = TTF_OpenFont(argv[1], 20);
    if (!r || !font) {
        fprintf(stderr, "minimal: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *s = TTF_RenderUTF8_Blended_Wrapped(font, paragraph,
                                                    (SDL_Color){20, 20, 20, 255},
                                                    (Uint32)(w - 80));
    SDL_Texture *t = s ? SDL_CreateTextureFromSurface(r, s) : NULL;
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderClear(r);
    if (t)
        SDL_RenderCopy(r, t, NULL, &(SDL_Rect){40, 40, s->w, s->h});
    SDL_RenderPresent(r);
    SDL_DestroyTexture(t);
    SDL_FreeSurface(s);
    TTF_CloseFont(font);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
