#!/usr/bin/env python3
"""Generate photo-like placeholder JPEGs for chapters 1-3 of the yunchuan-city sample.

Procedural scenes (classroom, hall, workshop, tea field, stage, sports ground,
campus, library, desk, craft table), soft shapes, gradients and light noise;
no text. Deterministic (fixed seeds).  Usage: python3 tools/gen_images_ch1_3.py
(run from anywhere; writes into ../images relative to this script).
"""
import io
import os
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "images")
W, H = 800, 534          # drawing size; upscaled 2x on output
MAX_BYTES = 200 * 1024


def vgrad(top, bottom, h=H, w=W):
    t = np.linspace(0, 1, h)[:, None, None]
    a = np.array(top, float)[None, None, :]
    b = np.array(bottom, float)[None, None, :]
    return np.repeat(a * (1 - t) + b * t, w, axis=1)


def jitter(rng, c, d=18):
    return tuple(int(max(0, min(255, v + rng.integers(-d, d + 1)))) for v in c)


def person(dr, rng, x, y, s, shirt=None, dark=False):
    """A soft silhouette: head + torso, s = height in px, (x, y) feet."""
    skin = jitter(rng, (214, 178, 150), 14)
    hair = jitter(rng, (35, 30, 28), 8)
    shirt = shirt or jitter(rng, tuple(int(v) for v in rng.integers(40, 220, 3)), 0)
    if dark:
        shirt = tuple(int(v * 0.45) for v in shirt)
        skin = tuple(int(v * 0.5) for v in skin)
    hw = s * 0.16
    dr.ellipse([x - hw * 0.55, y - s, x + hw * 0.55, y - s + hw * 1.25], fill=skin)
    dr.pieslice([x - hw * 0.6, y - s - hw * 0.08, x + hw * 0.6, y - s + hw * 1.0], 180, 360, fill=hair)
    dr.rounded_rectangle([x - hw * 1.25, y - s + hw * 1.3, x + hw * 1.25, y], radius=hw * 0.7, fill=shirt)


def crowd(dr, rng, n, y0, y1, s0, s1, x0=0, x1=W, palette=None, dark=False):
    pts = sorted(((rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(n)), key=lambda p: p[1])
    for x, y in pts:
        f = (y - y0) / max(1, (y1 - y0))
        s = s0 + (s1 - s0) * f
        shirt = None
        if palette:
            shirt = jitter(rng, palette[int(rng.integers(len(palette)))], 16)
        person(dr, rng, x, y, s, shirt, dark)


def windows(dr, rng, y0, y1, n, frame, glass):
    w = W / n
    for i in range(n):
        x = i * w + w * 0.18
        dr.rectangle([x, y0, x + w * 0.64, y1], fill=frame)
        dr.rectangle([x + 6, y0 + 6, x + w * 0.64 - 6, y1 - 6], fill=jitter(rng, glass, 10))


def scene_classroom(rng, pal):
    img = Image.fromarray(vgrad(pal["wall"], [v * 0.8 for v in pal["wall"]]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    dr.rectangle([0, H * 0.62, W, H], fill=jitter(rng, pal["floor"]))
    windows(dr, rng, H * 0.12, H * 0.5, 4, (235, 235, 230), (190, 215, 235))
    bx = rng.uniform(W * 0.25, W * 0.45)
    dr.rectangle([bx, H * 0.16, bx + W * 0.34, H * 0.44], fill=jitter(rng, pal.get("board", (40, 70, 60)), 8))
    if pal.get("screen"):
        dr.rectangle([bx + 20, H * 0.19, bx + W * 0.34 - 20, H * 0.41], fill=jitter(rng, (120, 170, 215), 10))
    person(dr, rng, bx - 30, H * 0.64, H * 0.42, pal.get("teacher"))
    for row in range(4):
        y = H * (0.7 + row * 0.09)
        for col in range(6):
            x = W * (0.08 + col * 0.17) + rng.uniform(-8, 8)
            person(dr, rng, x, y + 8, H * (0.2 + row * 0.05), jitter(rng, pal["uniform"], 12))
            dr.rectangle([x - 48 - row * 6, y, x + 48 + row * 6, y + 14 + row * 3], fill=jitter(rng, pal["desk"], 6))
    return img


def scene_hall(rng, pal):
    img = Image.fromarray(vgrad(pal["wall"], [v * 0.55 for v in pal["wall"]]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    dr.rectangle([W * 0.1, H * 0.06, W * 0.9, H * 0.36], fill=jitter(rng, pal["banner"], 10))
    dr.rectangle([W * 0.05, H * 0.36, W * 0.95, H * 0.44], fill=jitter(rng, (120, 40, 35), 10))
    for i in range(7):
        person(dr, rng, W * (0.2 + i * 0.1), H * 0.41, H * 0.12, (30, 30, 40))
    dr.rectangle([W * 0.12, H * 0.37, W * 0.88, H * 0.42], fill=jitter(rng, pal["table"], 10))
    crowd(dr, rng, 70, H * 0.55, H * 1.05, H * 0.16, H * 0.4, palette=pal["crowd"])
    return img


def scene_workshop(rng, pal):
    img = Image.fromarray(vgrad(pal["wall"], pal["floor"]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    for i in range(6):  # roof beams / lights
        dr.rectangle([0, H * 0.04 + i * 14, W, H * 0.04 + i * 14 + 3], fill=(200, 200, 200))
        dr.ellipse([W * (0.1 + i * 0.16), H * 0.1, W * (0.1 + i * 0.16) + 50, H * 0.1 + 12], fill=(255, 250, 225))
    dr.polygon([(0, H * 0.55), (W, H * 0.5), (W, H), (0, H)], fill=jitter(rng, pal["floor"], 8))
    for i in range(int(rng.integers(3, 6))):
        x = rng.uniform(0, W * 0.85)
        y = rng.uniform(H * 0.45, H * 0.7)
        w, h = rng.uniform(110, 220), rng.uniform(90, 170)
        col = jitter(rng, pal["machine"], 20)
        dr.rounded_rectangle([x, y - h, x + w, y], radius=10, fill=col)
        dr.rectangle([x + w * 0.1, y - h * 0.85, x + w * 0.45, y - h * 0.5], fill=jitter(rng, (60, 80, 90), 10))
        dr.rectangle([x + w * 0.6, y - h * 0.8, x + w * 0.9, y - h * 0.2], fill=tuple(int(v * 0.8) for v in col))
    if pal.get("arm"):
        cx, cy = W * 0.62, H * 0.72
        dr.line([(cx, cy), (cx + 30, cy - 150), (cx + 140, cy - 190), (cx + 170, cy - 130)], fill=pal["arm"], width=26, joint="curve")
        dr.ellipse([cx - 40, cy - 15, cx + 40, cy + 20], fill=(70, 70, 75))
    crowd(dr, rng, int(rng.integers(5, 10)), H * 0.72, H * 1.02, H * 0.3, H * 0.48, palette=pal["crowd"])
    return img


def scene_field(rng, pal):
    hz = rng.uniform(0.32, 0.42) * H
    img = Image.fromarray(vgrad(pal["sky_top"], pal["sky_bottom"]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    # distant hills
    for k, col in enumerate(pal["hills"]):
        pts = [(0, H)]
        base = hz - 60 + k * 25
        for x in range(0, W + 40, 40):
            pts.append((x, base - 40 * np.sin(x / (90 + 30 * k) + k * 2 + rng.uniform(0, 0.3)) - rng.uniform(0, 12)))
        pts.append((W, H))
        dr.polygon(pts, fill=jitter(rng, col, 6))
    dr.rectangle([0, hz, W, H], fill=jitter(rng, pal["ground"], 6))
    # crop rows converging to a vanishing point
    vx = W * rng.uniform(0.35, 0.65)
    for i in range(-14, 15):
        x_end = W / 2 + i * 70
        dr.line([(vx, hz), (x_end, H)], fill=jitter(rng, pal["rows"], 10), width=int(10 + abs(i)))
        dr.line([(vx + 3, hz), (x_end + 26, H)], fill=jitter(rng, pal["row_dark"], 10), width=5)
    if pal.get("machine"):
        x, y = W * rng.uniform(0.15, 0.55), H * 0.78
        dr.rounded_rectangle([x, y - 110, x + 200, y - 20], radius=14, fill=pal["machine"])
        dr.rectangle([x + 120, y - 160, x + 190, y - 100], fill=(60, 75, 85))
        dr.ellipse([x + 120, y - 70, x + 210, y + 20], fill=(35, 35, 35))
        dr.ellipse([x + 10, y - 50, x + 70, y + 10], fill=(35, 35, 35))
    crowd(dr, rng, int(rng.integers(4, 9)), hz + 60, H * 1.0, H * 0.18, H * 0.46, palette=pal["crowd"])
    return img


def scene_stage(rng, pal):
    img = Image.fromarray(vgrad(pal["back"], [v * 0.3 for v in pal["back"]]).astype(np.uint8))
    arr = np.array(img).astype(float)
    yy, xx = np.mgrid[0:H, 0:W]
    for _ in range(3):
        cx = rng.uniform(W * 0.2, W * 0.8)
        spot = np.exp(-(((xx - cx) / 140) ** 2 + ((yy - H * 0.55) / 170) ** 2))
        arr += spot[:, :, None] * np.array(pal["light"], float)[None, None, :] * 0.6
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    dr.rectangle([0, H * 0.7, W, H], fill=jitter(rng, pal["floor"], 8))
    for i in range(int(rng.integers(3, 9))):
        x = W * (0.18 + i * 0.09) + rng.uniform(-10, 10)
        person(dr, rng, x, H * 0.78 + rng.uniform(-6, 6), H * 0.45, jitter(rng, pal["costume"][i % len(pal["costume"])], 14))
    crowd(dr, rng, 26, H * 0.95, H * 1.08, H * 0.2, H * 0.26, dark=True)
    return img


def scene_sports(rng, pal):
    img = Image.fromarray(vgrad(pal["sky_top"], pal["sky_bottom"]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    dr.rectangle([0, H * 0.28, W, H * 0.42], fill=jitter(rng, (150, 150, 160), 8))  # stands
    crowd(dr, rng, 80, H * 0.3, H * 0.42, H * 0.05, H * 0.07)
    dr.rectangle([0, H * 0.42, W, H], fill=jitter(rng, pal["track"], 8))
    for i in range(7):
        y = H * 0.46 + i * (i + 3) * 5
        dr.line([(0, y), (W, y + 20)], fill=(240, 240, 235), width=3)
    if pal.get("podium"):
        for i, (h, dx) in enumerate([(90, 0), (60, -140), (40, 140)]):
            x = W / 2 + dx
            dr.rectangle([x - 65, H * 0.9 - h, x + 65, H * 0.9], fill=(235, 235, 240))
            person(dr, rng, x, H * 0.9 - h, H * 0.36, jitter(rng, pal["crowd"][i % len(pal["crowd"])], 10))
    else:
        for i in range(5):
            person(dr, rng, W * (0.15 + i * 0.17), H * (0.82 + 0.02 * (i % 2)), H * 0.42, jitter(rng, pal["crowd"][i % len(pal["crowd"])], 10))
    return img


def scene_campus(rng, pal):
    hz = H * 0.58
    img = Image.fromarray(vgrad(pal["sky_top"], pal["sky_bottom"]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    x = -20
    while x < W:
        w = rng.uniform(140, 260)
        h = rng.uniform(H * 0.2, H * 0.42)
        col = jitter(rng, pal["building"], 14)
        dr.rectangle([x, hz - h, x + w, hz], fill=col)
        for fy in np.arange(hz - h + 14, hz - 14, 22):
            for fx in np.arange(x + 10, x + w - 16, 24):
                dr.rectangle([fx, fy, fx + 12, fy + 10], fill=jitter(rng, (150, 185, 210), 14))
        x += w + rng.uniform(10, 50)
    dr.rectangle([0, hz, W, H], fill=jitter(rng, pal["ground"], 8))
    dr.polygon([(W * 0.42, hz), (W * 0.58, hz), (W * 0.9, H), (W * 0.1, H)], fill=jitter(rng, (200, 195, 185), 8))
    for _ in range(9):
        tx = rng.uniform(0, W)
        ty = hz + rng.uniform(-10, 30)
        r = rng.uniform(30, 60)
        dr.rectangle([tx - 5, ty - r * 0.4, tx + 5, ty + r * 0.8], fill=(90, 70, 50))
        dr.ellipse([tx - r, ty - r * 2, tx + r, ty], fill=jitter(rng, pal["tree"], 18))
    if pal.get("wall_panels"):
        for i in range(5):
            px = W * (0.08 + i * 0.18)
            dr.rectangle([px, hz - 10, px + W * 0.14, hz + 80], fill=jitter(rng, pal["wall_panels"][i % len(pal["wall_panels"])], 12))
    crowd(dr, rng, int(rng.integers(6, 14)), hz + 40, H * 1.02, H * 0.12, H * 0.38, palette=pal["crowd"])
    return img


def scene_library(rng, pal):
    img = Image.fromarray(vgrad(pal["wall"], [v * 0.7 for v in pal["wall"]]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    for sx in range(0, W, 200):
        dr.rectangle([sx + 8, H * 0.05, sx + 192, H * 0.6], fill=jitter(rng, pal["shelf"], 8))
        for sy in np.arange(H * 0.08, H * 0.58, 40):
            bx = sx + 14
            while bx < sx + 184:
                bw = rng.uniform(6, 14)
                dr.rectangle([bx, sy + rng.uniform(2, 8), bx + bw, sy + 34], fill=jitter(rng, tuple(int(v) for v in rng.integers(50, 230, 3)), 0))
                bx += bw + 1
    dr.rectangle([0, H * 0.6, W, H], fill=jitter(rng, pal["floor"], 8))
    dr.rectangle([W * 0.08, H * 0.74, W * 0.92, H * 0.8], fill=jitter(rng, pal["desk"], 8))
    crowd(dr, rng, 9, H * 0.74, H * 0.78, H * 0.24, H * 0.26, W * 0.1, W * 0.9, palette=pal["crowd"])
    dr.rectangle([W * 0.05, H * 0.8, W * 0.95, H * 0.9], fill=jitter(rng, pal["desk"], 8))
    return img


def scene_desk(rng, pal):
    img = Image.fromarray(vgrad(pal["wall"], pal["table"]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    dr.polygon([(0, H * 0.42), (W, H * 0.38), (W, H), (0, H)], fill=jitter(rng, pal["table"], 8))
    for i in range(int(rng.integers(4, 7))):
        x = W * (0.08 + i * 0.15) + rng.uniform(-10, 10)
        y = H * rng.uniform(0.5, 0.62)
        w, h = rng.uniform(90, 120), rng.uniform(130, 170)
        ang = rng.uniform(-8, 8)
        book = Image.new("RGBA", (int(w), int(h)), jitter(rng, pal["covers"][i % len(pal["covers"])], 14) + (255,))
        bd = ImageDraw.Draw(book)
        bd.rectangle([8, h * 0.15, w - 8, h * 0.4], fill=(245, 240, 230, 255))
        bd.rectangle([0, h * 0.8, w, h * 0.86], fill=(250, 250, 250, 200))
        book = book.rotate(ang, expand=True, resample=Image.BICUBIC)
        img.paste(book, (int(x), int(y)), book)
    return img


def scene_craft(rng, pal):
    img = Image.fromarray(vgrad(pal["wall"], [v * 0.75 for v in pal["wall"]]).astype(np.uint8))
    dr = ImageDraw.Draw(img)
    dr.rectangle([0, H * 0.55, W, H], fill=jitter(rng, pal["table"], 8))
    for i in range(int(rng.integers(4, 8))):
        x, y = rng.uniform(W * 0.05, W * 0.85), rng.uniform(H * 0.6, H * 0.85)
        r = rng.uniform(30, 70)
        col = jitter(rng, pal["items"][i % len(pal["items"])], 18)
        if pal.get("weave"):
            dr.ellipse([x, y, x + 2 * r, y + r], fill=col)
            for k in range(6):
                dr.arc([x + 4 * k, y + 2 * k, x + 2 * r - 4 * k, y + r - 2 * k], 0, 360, fill=tuple(int(v * 0.7) for v in col), width=2)
        else:
            dr.rectangle([x, y, x + 1.6 * r, y + 1.6 * r], fill=col)
            dr.ellipse([x + r * 0.3, y + r * 0.3, x + r * 1.3, y + r * 1.3], fill=(250, 245, 235))
    crowd(dr, rng, 5, H * 0.55, H * 0.58, H * 0.38, H * 0.42, palette=pal["crowd"])
    for i in range(4):
        hx = W * (0.2 + i * 0.2)
        dr.ellipse([hx, H * 0.68, hx + 60, H * 0.74], fill=(214, 178, 150))
    return img


SCENES = {
    "classroom": scene_classroom, "hall": scene_hall, "workshop": scene_workshop,
    "field": scene_field, "stage": scene_stage, "sports": scene_sports,
    "campus": scene_campus, "library": scene_library, "desk": scene_desk, "craft": scene_craft,
}

P_CLASS = dict(wall=(228, 222, 205), floor=(170, 140, 110), uniform=(40, 70, 150), desk=(200, 170, 120))
P_CLASS2 = dict(wall=(214, 226, 232), floor=(150, 150, 155), uniform=(200, 60, 55), desk=(220, 210, 190), screen=True)
P_CLASS3 = dict(wall=(236, 228, 214), floor=(120, 100, 85), uniform=(235, 235, 238), desk=(160, 120, 80), screen=True, teacher=(180, 40, 40))
P_HALL = dict(wall=(160, 60, 50), banner=(190, 40, 35), table=(220, 215, 205), crowd=[(30, 35, 60), (230, 230, 230), (60, 60, 65)])
P_HALL2 = dict(wall=(60, 90, 140), banner=(40, 90, 170), table=(235, 235, 240), crowd=[(30, 50, 110), (220, 60, 60), (240, 240, 240)])
P_WORK = dict(wall=(200, 205, 210), floor=(110, 120, 125), machine=(230, 140, 40), crowd=[(30, 60, 120), (40, 40, 45)], arm=(235, 120, 30))
P_WORK2 = dict(wall=(215, 215, 205), floor=(90, 110, 95), machine=(70, 120, 160), crowd=[(40, 100, 60), (200, 200, 205)])
P_WORK3 = dict(wall=(225, 230, 235), floor=(160, 165, 170), machine=(230, 232, 235), crowd=[(245, 245, 250), (120, 180, 220)])
P_TEA = dict(sky_top=(120, 170, 225), sky_bottom=(215, 230, 240), hills=[(110, 140, 120), (80, 120, 90)], ground=(70, 130, 60), rows=(60, 140, 55), row_dark=(35, 90, 40), crowd=[(200, 60, 50), (240, 240, 240), (50, 80, 160)])
P_FARM = dict(sky_top=(150, 185, 220), sky_bottom=(235, 230, 215), hills=[(150, 160, 150), (120, 140, 110)], ground=(170, 140, 90), rows=(150, 120, 70), row_dark=(110, 90, 55), machine=(200, 50, 40), crowd=[(40, 80, 150), (230, 200, 60)])
P_STAGE = dict(back=(120, 30, 40), light=(255, 220, 150), floor=(90, 50, 40), costume=[(220, 40, 60), (250, 200, 60), (240, 120, 160)])
P_STAGE2 = dict(back=(30, 50, 110), light=(170, 200, 255), floor=(40, 40, 60), costume=[(245, 245, 250), (30, 30, 40)])
P_SPORT = dict(sky_top=(90, 150, 220), sky_bottom=(200, 220, 240), track=(180, 70, 55), crowd=[(220, 40, 40), (250, 210, 40), (40, 90, 200)], podium=True)
P_SPORT2 = dict(sky_top=(140, 170, 210), sky_bottom=(225, 225, 230), track=(70, 140, 80), crowd=[(40, 90, 200), (240, 240, 240), (220, 40, 40)])
P_CAMPUS = dict(sky_top=(95, 150, 215), sky_bottom=(220, 232, 242), building=(225, 215, 195), ground=(110, 150, 90), tree=(60, 120, 60), crowd=[(40, 70, 150), (240, 240, 240)])
P_CAMPUS2 = dict(sky_top=(170, 190, 215), sky_bottom=(235, 225, 210), building=(200, 120, 100), ground=(150, 160, 120), tree=(90, 130, 70), crowd=[(20, 30, 40), (200, 200, 205)], wall_panels=[(180, 40, 40), (240, 230, 200), (60, 90, 150)])
P_LIB = dict(wall=(230, 222, 205), shelf=(150, 110, 75), floor=(175, 150, 120), desk=(205, 175, 130), crowd=[(40, 70, 150), (235, 235, 238)])
P_DESK = dict(wall=(225, 228, 232), table=(180, 140, 100), covers=[(40, 90, 160), (200, 60, 50), (60, 140, 90), (230, 170, 40), (120, 80, 150)])
P_CRAFT = dict(wall=(232, 220, 195), table=(150, 110, 70), items=[(200, 160, 90), (180, 140, 70), (160, 120, 60)], crowd=[(200, 50, 50), (240, 240, 240)], weave=True)
P_CRAFT2 = dict(wall=(238, 232, 220), table=(120, 90, 70), items=[(210, 30, 40), (190, 40, 40), (230, 60, 50)], crowd=[(40, 70, 150), (240, 240, 240)])

IMAGES = [
    # chapter 1
    ("ch1-01a", "classroom", P_CLASS3), ("ch1-01b", "classroom", P_CLASS),
    ("ch1-02", "hall", P_HALL2), ("ch1-03", "hall", P_HALL), ("ch1-04", "desk", P_DESK),
    ("ch1-05a", "workshop", P_WORK), ("ch1-05b", "field", P_TEA), ("ch1-05c", "stage", P_STAGE),
    ("ch1-06", "classroom", P_CLASS2),
    ("ch1-07a", "hall", P_HALL), ("ch1-07b", "workshop", P_WORK), ("ch1-07c", "workshop", P_WORK3), ("ch1-07d", "stage", P_STAGE2),
    ("ch1-08", "sports", P_SPORT), ("ch1-09", "stage", P_STAGE2),
    ("ch1-10a", "workshop", P_WORK2), ("ch1-10b", "campus", P_CAMPUS),
    ("ch1-11", "field", P_TEA), ("ch1-12", "workshop", P_WORK),
    # chapter 2
    ("ch2-01", "workshop", P_WORK2), ("ch2-02a", "field", P_TEA), ("ch2-02b", "field", P_FARM),
    ("ch2-03", "classroom", P_CLASS3), ("ch2-04", "hall", P_HALL2), ("ch2-05", "field", P_FARM),
    ("ch2-06", "workshop", P_WORK3),
    # chapter 3
    ("ch3-01", "stage", P_STAGE), ("ch3-02a", "campus", P_CAMPUS2), ("ch3-02b", "stage", P_STAGE),
    ("ch3-03a", "craft", P_CRAFT), ("ch3-03b", "craft", P_CRAFT2), ("ch3-04", "library", P_LIB),
    ("ch3-05", "stage", P_STAGE), ("ch3-06", "campus", P_CAMPUS2),
]


def finish(img, rng):
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(1.6, 2.4)))
    img = img.resize((W * 2, H * 2 - 1), Image.BICUBIC)  # 1600 x 1067
    arr = np.asarray(img).astype(float)
    yy, xx = np.mgrid[0:arr.shape[0], 0:arr.shape[1]]
    cy, cx = arr.shape[0] / 2, arr.shape[1] / 2
    vign = 1 - 0.22 * (((xx - cx) / cx) ** 2 + ((yy - cy) / cy) ** 2) / 2
    arr *= vign[:, :, None]
    arr *= np.array([rng.uniform(0.96, 1.04) for _ in range(3)])[None, None, :]
    arr += rng.normal(0, 2.2, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def save(img, path):
    for q in (80, 75, 70, 65, 60):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q, optimize=True)
        if buf.tell() <= MAX_BYTES:
            break
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    return buf.tell(), q


def main():
    os.makedirs(OUT, exist_ok=True)
    for i, (name, kind, pal) in enumerate(IMAGES):
        rng = np.random.default_rng(1000 + i * 17)
        img = finish(SCENES[kind](rng, pal), rng)
        size, q = save(img, os.path.join(OUT, name + ".jpg"))
        print(f"{name}.jpg {kind:9s} {img.size[0]}x{img.size[1]} q={q} {size // 1024} KB")


if __name__ == "__main__":
    main()
