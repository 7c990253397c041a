#!/usr/bin/env python3
"""Does the player fill the screen? Reads a screenshot in binary PPM (what
`grim -t ppm` writes) and checks that it is WIDTHxHEIGHT, that no pixel is
the compositor's black (the sign-in screen has none), and that every tile
of a 32x18 grid holds the sign-in screen's background or surface colour,
so that the window covers the whole output.
Usage: screen_fill.py SHOT.ppm WIDTH HEIGHT; exit 0 when it fills."""
import sys

BACKGROUND = bytes.fromhex("f7f5f0")
SURFACE = bytes.fromhex("ffffff")
BLACK = bytes(3)


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; '#' comments
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError("not an 8-bit binary PPM")
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h * 3]


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    w, h, px = read_ppm(path)
    if (w, h) != (want_w, want_h):
        print(f"the screenshot is {w}x{h}, not {want_w}x{want_h}")
        return 1
    black = player = 0
    cols, rows = 32, 18
    tiles = [[False] * cols for _ in range(rows)]
    for y in range(h):
        row = px[y * w * 3:(y + 1) * w * 3]
        ty = y * rows // h
        for x in range(0, w, 2):  # every other pixel is plenty
            c = row[x * 3:x * 3 + 3]
            if c == BLACK:
                black += 1
            elif c == BACKGROUND or c == SURFACE:
                player += 1
                tiles[ty][x * cols // w] = True
    empty = sum(not t for r in tiles for t in r)
    share = 100 * player / ((w + 1) // 2 * h)
    print(f"{w}x{h}: {share:.1f} % sign-in colours, {black} black pixels, "
          f"{empty} of {cols * rows} tiles without the player's colours")
    return 0 if black == 0 and empty == 0 and share > 80 else 1


if __name__ == "__main__":
    sys.exit(main())
