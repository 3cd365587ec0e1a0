#!/usr/bin/env python3
"""Generate photo-like placeholder images (no text) for the yunchuan-school sample.

Run from anywhere:  python3 tools/gen_images_school.py
Writes images/sch-*.jpg next to this tools/ directory.  Each image is
1600x1067 (or 1600x1200) px, JPEG, and kept under 200 KB.
"""
import os
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "images")
MAX_BYTES = 200 * 1024


def lerp(a, b, t):
    a = np.array(a, dtype=np.float32)
    b = np.array(b, dtype=np.float32)
    return a + (b - a) * t


def gradient(w, h, top, bottom, y0=0, y1=None):
    y1 = h if y1 is None else y1
    t = np.clip((np.arange(h, dtype=np.float32) - y0) / max(1, y1 - y0), 0, 1)[:, None, None]
    col = lerp(top, bottom, t)
    return np.broadcast_to(col, (h, w, 3)).copy()


class Scene:
    def __init__(self, w, h, seed):
        self.w, self.h = w, h
        self.rng = np.random.default_rng(seed)
        self.img = Image.new("RGB", (w, h))
        self.layers = []

    def set_bg(self, arr):
        self.img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))

    def layer(self):
        lay = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        return lay, ImageDraw.Draw(lay)

    def paste(self, lay, blur=0):
        if blur:
            lay = lay.filter(ImageFilter.GaussianBlur(blur))
        base = self.img.convert("RGBA")
        base.alpha_composite(lay)
        self.img = base.convert("RGB")

    def jitter(self, c, amount=18):
        return tuple(int(np.clip(v + self.rng.integers(-amount, amount + 1), 0, 255)) for v in c)

    # --- elements -------------------------------------------------------
    def buildings(self, horizon, n, palette, blur=2, tall=(0.25, 0.5)):
        lay, d = self.layer()
        x = self.rng.integers(-100, 0)
        for _ in range(n):
            bw = int(self.rng.integers(self.w // 8, self.w // 3))
            bh = int(self.h * self.rng.uniform(*tall))
            col = self.jitter(palette[self.rng.integers(len(palette))])
            d.rectangle([x, horizon - bh, x + bw, horizon], fill=col + (255,))
            # window grid
            wc = tuple(max(0, v - 55) for v in col)
            gx, gy = self.rng.integers(28, 44), self.rng.integers(34, 52)
            for wy in range(horizon - bh + 22, horizon - 30, gy):
                for wx in range(x + 16, x + bw - 24, gx):
                    d.rectangle([wx, wy, wx + gx // 2, wy + gy // 2], fill=wc + (255,))
            x += bw + int(self.rng.integers(10, 90))
            if x > self.w:
                break
        self.paste(lay, blur)

    def trees(self, horizon, n, greens, blur=5, size=(60, 160)):
        lay, d = self.layer()
        for _ in range(n):
            cx = self.rng.integers(0, self.w)
            r = int(self.rng.integers(*size))
            cy = horizon - r * 0.6 + self.rng.integers(-20, 20)
            col = self.jitter(greens[self.rng.integers(len(greens))], 14)
            d.rectangle([cx - r // 10, cy, cx + r // 10, horizon + 10], fill=(70, 55, 40, 255))
            for _ in range(5):
                ox, oy = self.rng.integers(-r // 2, r // 2 + 1, size=2)
                rr = int(r * self.rng.uniform(0.5, 0.8))
                d.ellipse([cx + ox - rr, cy + oy - rr, cx + ox + rr, cy + oy + rr], fill=col + (255,))
        self.paste(lay, blur)

    def people(self, y_feet, n, clothes, scale=(0.16, 0.24), blur=3, spread=(0, 1), skin=(224, 188, 160)):
        lay, d = self.layer()
        xs = np.sort(self.rng.uniform(spread[0] * self.w, spread[1] * self.w, n))
        for x in xs:
            s = self.h * self.rng.uniform(*scale)
            yf = y_feet + self.rng.uniform(-0.03, 0.03) * self.h
            col = self.jitter(clothes[self.rng.integers(len(clothes))], 20)
            bw = s * 0.32
            d.rounded_rectangle([x - bw / 2, yf - s * 0.78, x + bw / 2, yf], radius=int(bw / 3), fill=col + (255,))
            hr = s * 0.1
            hy = yf - s * 0.78 - hr * 0.9
            d.ellipse([x - hr, hy - hr, x + hr, hy + hr], fill=self.jitter(skin, 10) + (255,))
            d.ellipse([x - hr * 1.05, hy - hr * 1.1, x + hr * 1.05, hy - hr * 0.1], fill=(35, 30, 30, 255))
        self.paste(lay, blur)

    def machines(self, y_floor, n, palette, blur=2, hscale=(0.18, 0.34)):
        lay, d = self.layer()
        x = self.rng.uniform(0, 0.08) * self.w
        for _ in range(n):
            mw = self.w * self.rng.uniform(0.12, 0.22)
            mh = self.h * self.rng.uniform(*hscale)
            col = self.jitter(palette[self.rng.integers(len(palette))], 12)
            d.rounded_rectangle([x, y_floor - mh, x + mw, y_floor], radius=10, fill=col + (255,))
            dark = tuple(int(v * 0.45) for v in col)
            d.rectangle([x + mw * 0.12, y_floor - mh * 0.85, x + mw * 0.6, y_floor - mh * 0.45], fill=dark + (255,))
            glass = (150, 190, 210)
            d.rectangle([x + mw * 0.16, y_floor - mh * 0.8, x + mw * 0.56, y_floor - mh * 0.5], fill=glass + (170,))
            d.rectangle([x + mw * 0.7, y_floor - mh * 0.8, x + mw * 0.88, y_floor - mh * 0.3], fill=(60, 62, 70, 255))
            x += mw + self.w * self.rng.uniform(0.02, 0.08)
            if x > self.w:
                break
        self.paste(lay, blur)

    def lights(self, n, y_range, color=(255, 250, 235), r=(20, 60), blur=18, alpha=200):
        lay, d = self.layer()
        for _ in range(n):
            x = self.rng.uniform(0, self.w)
            y = self.rng.uniform(*y_range) * self.h
            rr = self.rng.uniform(*r)
            d.ellipse([x - rr * 2, y - rr * 0.5, x + rr * 2, y + rr * 0.5], fill=color + (alpha,))
        self.paste(lay, blur)

    def windows(self, n, y0, y1, frame=(230, 230, 225), glass=(190, 215, 235), blur=4):
        lay, d = self.layer()
        ww = self.w / (n * 1.6)
        for i in range(n):
            x = (i + 0.3) * self.w / n
            d.rectangle([x, y0 * self.h, x + ww, y1 * self.h], fill=frame + (255,))
            d.rectangle([x + 8, y0 * self.h + 8, x + ww - 8, y1 * self.h - 8], fill=glass + (255,))
        self.paste(lay, blur)

    def rows_of_desks(self, rows, color, y0=0.6, blur=3):
        lay, d = self.layer()
        for i in range(rows):
            t = i / max(1, rows - 1)
            y = self.h * (y0 + 0.3 * t)
            inset = self.w * (0.25 - 0.22 * t)
            d.rectangle([inset, y, self.w - inset, y + 14 + 18 * t], fill=self.jitter(color, 8) + (255,))
        self.paste(lay, blur)

    def screen(self, box, color=(90, 140, 200), blur=3):
        lay, d = self.layer()
        x0, y0, x1, y1 = [v * (self.w if i % 2 == 0 else self.h) for i, v in enumerate(box)]
        d.rectangle([x0 - 10, y0 - 10, x1 + 10, y1 + 10], fill=(40, 40, 45, 255))
        d.rectangle([x0, y0, x1, y1], fill=color + (255,))
        d.ellipse([x0 + (x1 - x0) * 0.2, y0 + (y1 - y0) * 0.2, x0 + (x1 - x0) * 0.6, y0 + (y1 - y0) * 0.8],
                  fill=tuple(min(255, v + 60) for v in color) + (200,))
        self.paste(lay, blur)

    def banner(self, y, height, color, blur=3):
        lay, d = self.layer()
        d.rectangle([self.w * 0.08, y * self.h, self.w * 0.92, (y + height) * self.h], fill=color + (255,))
        self.paste(lay, blur)

    def blobs(self, n, palette, y_range, r=(30, 90), blur=6, alpha=255):
        lay, d = self.layer()
        for _ in range(n):
            x = self.rng.uniform(0, self.w)
            y = self.rng.uniform(*y_range) * self.h
            rr = self.rng.uniform(*r)
            col = self.jitter(palette[self.rng.integers(len(palette))], 15)
            d.ellipse([x - rr, y - rr * 0.7, x + rr, y + rr * 0.7], fill=col + (alpha,))
        self.paste(lay, blur)

    def finish(self, warm=(1.0, 1.0, 1.0), noise=6, vignette=0.35, soften=1.2):
        img = self.img.filter(ImageFilter.GaussianBlur(soften))
        a = np.asarray(img).astype(np.float32)
        a *= np.array(warm, dtype=np.float32)
        yy, xx = np.mgrid[0:self.h, 0:self.w].astype(np.float32)
        r = np.sqrt(((xx - self.w / 2) / (self.w / 2)) ** 2 + ((yy - self.h / 2) / (self.h / 2)) ** 2)
        a *= (1 - vignette * np.clip(r - 0.45, 0, 1) ** 1.6)[:, :, None]
        a += self.rng.normal(0, noise, a.shape).astype(np.float32)
        return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def save(img, name):
    path = os.path.join(OUT, name)
    q = 82
    while True:
        img.save(path, "JPEG", quality=q, optimize=True)
        if os.path.getsize(path) <= MAX_BYTES or q <= 40:
            break
        q -= 6
    print(f"{name}: {img.size[0]}x{img.size[1]} q={q} {os.path.getsize(path) // 1024} KB")


# --- scene kinds ---------------------------------------------------------
def campus(seed, sky=((96, 150, 215), (205, 225, 240)), ground=((150, 150, 140), (110, 108, 100)),
           bpal=((222, 214, 200), (196, 176, 150), (230, 230, 232)), people_n=6, h=1067, warm=(1, 1, 1)):
    s = Scene(1600, h, seed)
    hz = int(h * 0.62)
    bg = gradient(1600, h, sky[0], sky[1], 0, hz)
    bg[hz:] = gradient(1600, h - hz, ground[0], ground[1])
    s.set_bg(bg)
    s.blobs(6, [(250, 250, 252)], (0.08, 0.3), r=(80, 200), blur=30, alpha=150)
    s.buildings(hz, 6, bpal, blur=2)
    s.trees(hz + 10, 10, [(70, 120, 60), (90, 140, 70), (60, 100, 55)], blur=5)
    if people_n:
        s.people(h * 0.93, people_n, [(40, 60, 120), (230, 230, 235), (180, 40, 40)], scale=(0.14, 0.2))
    return s.finish(warm=warm)


def workshop(seed, wall=((205, 210, 215), (160, 165, 170)), floor=((120, 130, 125), (80, 85, 82)),
             mpal=((230, 120, 40), (60, 110, 170), (200, 200, 205)), people_n=5,
             clothes=((40, 70, 140), (30, 50, 90)), h=1067, warm=(1, 1, 1)):
    s = Scene(1600, h, seed)
    fl = int(h * 0.68)
    bg = gradient(1600, h, wall[0], wall[1], 0, fl)
    bg[fl:] = gradient(1600, h - fl, floor[0], floor[1])
    s.set_bg(bg)
    s.lights(9, (0.03, 0.12), r=(25, 45), blur=14)
    s.windows(5, 0.12, 0.36, blur=6)
    s.machines(fl + 20, 6, mpal, blur=3)
    if people_n:
        s.people(h * 0.95, people_n, list(clothes), scale=(0.3, 0.4), blur=4)
    return s.finish(warm=warm)


def classroom(seed, wall=((235, 230, 215), (205, 200, 185)), desk=(170, 120, 80), screen_col=(80, 130, 190),
              clothes=((40, 60, 120), (235, 235, 240), (60, 90, 60)), people_n=14, h=1067, warm=(1, 1, 1)):
    s = Scene(1600, h, seed)
    bg = gradient(1600, h, wall[0], wall[1])
    s.set_bg(bg)
    s.lights(6, (0.02, 0.08), r=(30, 50), blur=12)
    s.screen((0.3, 0.12, 0.7, 0.42), color=screen_col)
    s.people(h * 0.82, people_n // 2, list(clothes), scale=(0.22, 0.28), blur=4)
    s.rows_of_desks(3, desk, y0=0.72)
    s.people(h * 1.02, people_n - people_n // 2, list(clothes), scale=(0.34, 0.42), blur=6)
    return s.finish(warm=warm)


def hall(seed, back=((120, 30, 35), (70, 20, 25)), banner_col=(190, 40, 40), seats=(60, 60, 70),
         people_n=16, clothes=((30, 30, 40), (235, 235, 238), (50, 50, 70)), h=1067, warm=(1, 1, 1)):
    s = Scene(1600, h, seed)
    bg = gradient(1600, h, back[0], back[1])
    s.set_bg(bg)
    s.banner(0.1, 0.1, banner_col)
    s.lights(8, (0.0, 0.06), color=(255, 240, 210), r=(25, 45), blur=16)
    s.blobs(8, [(255, 215, 120)], (0.3, 0.45), r=(20, 40), blur=20, alpha=120)
    s.people(h * 0.6, 5, list(clothes), scale=(0.2, 0.24), spread=(0.25, 0.75))
    s.rows_of_desks(4, seats, y0=0.62)
    s.people(h * 1.02, people_n, list(clothes), scale=(0.3, 0.4), blur=6)
    return s.finish(warm=warm)


def outdoor(seed, sky=((120, 170, 220), (220, 230, 235)), field=((90, 150, 70), (60, 110, 50)),
            hills=(90, 120, 110), people_n=8, clothes=((200, 50, 50), (40, 60, 130), (240, 240, 240)),
            extra=None, h=1067, warm=(1, 1, 1)):
    s = Scene(1600, h, seed)
    hz = int(h * 0.5)
    bg = gradient(1600, h, sky[0], sky[1], 0, hz)
    bg[hz:] = gradient(1600, h - hz, field[0], field[1])
    s.set_bg(bg)
    s.blobs(5, [hills], (0.47, 0.52), r=(260, 420), blur=25)
    s.blobs(5, [(250, 250, 252)], (0.05, 0.25), r=(90, 200), blur=35, alpha=140)
    if extra == "village":
        s.buildings(hz + 40, 5, [(230, 225, 215), (180, 90, 70), (210, 200, 190)], blur=3, tall=(0.08, 0.16))
    if extra == "tea":
        s.blobs(60, [(60, 120, 50), (80, 140, 60)], (0.55, 0.8), r=(40, 80), blur=6)
    s.trees(hz + 20, 6, [(60, 110, 55), (80, 130, 65)], blur=6, size=(50, 110))
    if people_n:
        s.people(h * 0.92, people_n, list(clothes), scale=(0.2, 0.3), blur=3)
    return s.finish(warm=warm)


def track(seed, h=1067):
    s = Scene(1600, h, seed)
    hz = int(h * 0.42)
    bg = gradient(1600, h, (110, 165, 225), (210, 228, 240), 0, hz)
    bg[hz:] = gradient(1600, h - hz, (185, 80, 60), (160, 60, 45))
    s.set_bg(bg)
    s.blobs(4, [(70, 140, 70)], (0.58, 0.62), r=(300, 500), blur=10)
    s.buildings(hz, 4, [(220, 220, 225), (200, 190, 175)], tall=(0.12, 0.22))
    s.trees(hz + 5, 8, [(60, 110, 55)], size=(40, 80))
    s.people(h * 0.9, 7, [(240, 240, 240), (30, 90, 170), (230, 200, 40)], scale=(0.2, 0.26), blur=3)
    return s.finish()


def craft(seed, table=((160, 110, 70), (120, 80, 50)), wall=((225, 215, 195), (200, 185, 160)), items=None, h=1067):
    s = Scene(1600, h, seed)
    t = int(h * 0.55)
    bg = gradient(1600, h, wall[0], wall[1], 0, t)
    bg[t:] = gradient(1600, h - t, table[0], table[1])
    s.set_bg(bg)
    s.windows(2, 0.08, 0.4, frame=(120, 80, 50), glass=(240, 235, 220), blur=8)
    s.people(h * 0.9, 3, [(150, 40, 40), (40, 60, 100), (240, 235, 225)], scale=(0.55, 0.65), blur=5)
    s.blobs(14, items or [(205, 170, 100), (180, 140, 80), (220, 190, 130)], (0.7, 0.95), r=(40, 90), blur=3)
    return s.finish(warm=(1.04, 1.0, 0.94))


def meeting(seed, wall=((230, 228, 220), (200, 198, 190)), table_col=(110, 70, 45), screen_col=(60, 100, 170), h=1067):
    s = Scene(1600, h, seed)
    s.set_bg(gradient(1600, h, wall[0], wall[1]))
    s.lights(5, (0.02, 0.07), r=(30, 50))
    s.screen((0.25, 0.1, 0.75, 0.4), color=screen_col)
    s.people(h * 0.74, 6, [(30, 30, 40), (240, 240, 240), (40, 50, 80)], scale=(0.22, 0.26), spread=(0.1, 0.9))
    s.rows_of_desks(2, table_col, y0=0.68)
    s.people(h * 1.05, 4, [(30, 30, 40), (60, 60, 80)], scale=(0.4, 0.46), blur=8)
    return s.finish()


def stage(seed, h=1067):
    s = Scene(1600, h, seed)
    bg = gradient(1600, h, (25, 20, 45), (60, 30, 70))
    s.set_bg(bg)
    s.blobs(6, [(240, 120, 200), (120, 160, 255), (255, 210, 120)], (0.05, 0.3), r=(60, 140), blur=40, alpha=170)
    s.banner(0.55, 0.05, (150, 90, 60))
    s.people(h * 0.6, 7, [(200, 40, 50), (240, 200, 60), (250, 250, 250)], scale=(0.22, 0.28), spread=(0.15, 0.85))
    s.people(h * 1.05, 10, [(20, 20, 25), (35, 35, 45)], scale=(0.3, 0.38), blur=8)
    return s.finish()


SPEC = [
    ("sch-cover.jpg", lambda: campus(101, h=1200, people_n=0, warm=(1.03, 1.0, 0.96))),
    # chapter 1
    ("sch-1-campus.jpg", lambda: campus(111)),
    ("sch-1-train-a.jpg", lambda: workshop(112)),
    ("sch-1-train-b.jpg", lambda: workshop(113, wall=((225, 225, 230), (190, 195, 200)), mpal=((40, 160, 120), (220, 220, 225)), clothes=((230, 230, 235), (30, 60, 120)))),
    ("sch-1-train-c.jpg", lambda: classroom(114, wall=((215, 225, 235), (185, 195, 210)), screen_col=(40, 160, 140), desk=(200, 200, 205))),
    # chapter 2
    ("sch-2-ideology.jpg", lambda: classroom(121)),
    ("sch-2-labor.jpg", lambda: outdoor(122, extra="tea", clothes=((240, 240, 240), (40, 70, 140)))),
    ("sch-2-contest-a.jpg", lambda: workshop(123, mpal=((200, 60, 50), (220, 220, 225)))),
    ("sch-2-contest-b.jpg", lambda: workshop(124, wall=((190, 200, 215), (150, 160, 175)), mpal=((70, 80, 90), (240, 180, 40)), clothes=((200, 60, 40), (40, 40, 50)))),
    ("sch-2-contest-c.jpg", lambda: classroom(125, wall=((220, 225, 230), (190, 195, 200)), screen_col=(30, 80, 160), people_n=8)),
    ("sch-2-contest-d.jpg", lambda: hall(126, back=((40, 60, 120), (20, 30, 70)), banner_col=(60, 110, 200))),
    ("sch-2-sports.jpg", lambda: track(127)),
    ("sch-2-case-a.jpg", lambda: hall(128)),
    ("sch-2-case-b.jpg", lambda: outdoor(129, extra="village", clothes=((200, 40, 40), (240, 240, 240)))),
    # chapter 3
    ("sch-3-village.jpg", lambda: outdoor(131, extra="village", warm=(1.04, 1.0, 0.95))),
    ("sch-3-training.jpg", lambda: classroom(132, wall=((240, 235, 225), (210, 205, 195)), clothes=((90, 90, 100), (200, 180, 150), (60, 80, 60)))),
    ("sch-3-case.jpg", lambda: outdoor(133, extra="tea", sky=((150, 180, 210), (230, 230, 225)))),
    ("sch-3-community.jpg", lambda: campus(134, people_n=10, bpal=((210, 190, 170), (235, 230, 220)))),
    # chapter 4
    ("sch-4-craft.jpg", lambda: craft(141)),
    ("sch-4-red-a.jpg", lambda: hall(142, back=((150, 35, 35), (90, 25, 25)), banner_col=(220, 180, 60))),
    ("sch-4-red-b.jpg", lambda: outdoor(143, sky=((140, 170, 205), (225, 225, 220)), field=((150, 140, 120), (110, 100, 85)), clothes=((30, 60, 130), (240, 240, 240)))),
    ("sch-4-stage.jpg", lambda: stage(144)),
    # chapter 5
    ("sch-5-intl.jpg", lambda: meeting(151)),
    ("sch-5-visit.jpg", lambda: workshop(152, wall=((220, 220, 215), (185, 185, 180)), mpal=((20, 90, 160), (230, 230, 235)), clothes=((30, 30, 40), (230, 230, 235)))),
    # chapter 6
    ("sch-6-college-a.jpg", lambda: workshop(161, mpal=((30, 150, 90), (230, 230, 235), (40, 40, 50)))),
    ("sch-6-college-b.jpg", lambda: workshop(162, wall=((200, 215, 225), (160, 175, 185)), mpal=((230, 230, 235), (30, 110, 190)), clothes=((230, 230, 235), (30, 50, 90)))),
    ("sch-6-apprentice.jpg", lambda: workshop(163, wall=((210, 200, 185), (170, 160, 145)), mpal=((90, 90, 95), (200, 80, 30)), clothes=((240, 150, 30), (30, 50, 90)))),
    ("sch-6-case.jpg", lambda: meeting(164, screen_col=(30, 130, 100))),
    # chapter 7
    ("sch-7-party.jpg", lambda: hall(171)),
    ("sch-7-teacher-a.jpg", lambda: meeting(172, wall=((225, 230, 235), (195, 200, 210)))),
    ("sch-7-teacher-b.jpg", lambda: workshop(173, mpal=((220, 120, 40), (60, 60, 70)), clothes=((30, 30, 40), (230, 230, 235)))),
    ("sch-7-campus.jpg", lambda: campus(174, sky=((160, 120, 150), (250, 200, 150)), warm=(1.05, 0.98, 0.92))),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, fn in SPEC:
        save(fn(), name)


if __name__ == "__main__":
    main()
