#!/usr/bin/env python3
"""Ink of a PNG screenshot, for the report's browser test: the number of
dark pixels and a fingerprint of where they are. Reads 8-bit RGB or RGBA
non-interlaced PNGs (what Chromium writes) with the standard library only.

Usage: ink.py FILE.png  ->  prints "DARK_PIXELS FINGERPRINT"
       ink.py --differ A.png B.png  ->  prints the share of pixels whose
       darkness differs between the two (0.0 ... 1.0)
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    at, idat, width, height, channels = 8, b"", 0, 0, 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit(f"{path}: unsupported PNG (depth {depth}, colour {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def dark_mask(path):
    width, height, channels, rows = pixels(path)
    return [[sum(row[x * channels:x * channels + 3]) < 3 * 128 for x in range(width)] for row in rows]


def main():
    if sys.argv[1] == "--differ":
        a, b = dark_mask(sys.argv[2]), dark_mask(sys.argv[3])
        total = sum(len(r) for r in a)
        differ = sum(x != y for ra, rb in zip(a, b) for x, y in zip(ra, rb))
        print(f"{differ / max(total, 1):.4f}")
        return
    mask = dark_mask(sys.argv[1])
    print(sum(sum(r) for r in mask))


main()
