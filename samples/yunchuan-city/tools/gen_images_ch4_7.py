#!/usr/bin/env python3
"""Generate the photo-like placeholder images of chapters 4-7 (国际合作, 产教融合,
发展保障, 面临挑战) of the 云川市 sample report.

Every image is synthetic: sky/ground/wall gradients, soft blurred shapes that
suggest people, buildings, machines, fields or stages, a vignette and light
noise. No text is drawn. Output: ../images/ch4-*.jpg … ch6-*.jpg (chapter 7 has no photos), 1600×1067 or
1600×1200, JPEG quality ~80, each kept under 200 KB.

Re-run:  python3 tools/gen_images_ch4_7.py   (needs pillow and numpy)
"""
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "images")
MAX_BYTES = 200 * 1024


# ---------------------------------------------------------------- helpers
def vgrad(w, h, top, bottom):
    t = np.linspace(0.0, 1.0, h)[:, None, None]
    a = np.array(top, dtype=float)[None, None, :]
    b = np.array(bottom, dtype=float)[None, None, :]
    arr = a * (1 - t) + b * t
    return np.repeat(arr, w, axis=1)


def to_img(arr):
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def jitter(c, r, amt=18):
    return tuple(max(0, min(255, v + r.randint(-amt, amt))) for v in c)


def layer(img, draw_fn, blur):
    """Draw shapes on a transparent layer, blur it, composite."""
    ov = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    draw_fn(d)
    if blur:
        ov = ov.filter(ImageFilter.GaussianBlur(blur))
    return Image.alpha_composite(img.convert("RGBA"), ov).convert("RGB")


def person(d, x, y, s, body, r, skin=(222, 186, 150), hair=(35, 30, 28)):
    """A soft standing figure, feet at (x, y), height ~ 3.4*s."""
    head = s * 0.42
    d.rounded_rectangle([x - s * 0.55, y - s * 2.7, x + s * 0.55, y - s * 1.1],
                        radius=int(s * 0.3), fill=body + (255,))
    d.rectangle([x - s * 0.42, y - s * 1.2, x + s * 0.42, y],
                fill=tuple(int(v * 0.55) for v in body) + (255,))
    d.ellipse([x - head, y - s * 3.45, x + head, y - s * 2.62], fill=skin + (255,))
    d.pieslice([x - head, y - s * 3.5, x + head, y - s * 2.8], 180, 360, fill=hair + (255,))


def seated(d, x, y, s, body, skin=(222, 186, 150), hair=(35, 30, 28)):
    head = s * 0.42
    d.rounded_rectangle([x - s * 0.6, y - s * 1.5, x + s * 0.6, y],
                        radius=int(s * 0.3), fill=body + (255,))
    d.ellipse([x - head, y - s * 2.3, x + head, y - s * 1.45], fill=skin + (255,))
    d.pieslice([x - head, y - s * 2.35, x + head, y - s * 1.7], 180, 360, fill=hair + (255,))


def back_of_head(d, x, y, s, hair):
    d.ellipse([x - s, y - s * 1.2, x + s, y + s * 1.0], fill=hair + (255,))
    d.rounded_rectangle([x - s * 1.8, y + s * 0.8, x + s * 1.8, y + s * 4],
                        radius=int(s * 0.8), fill=(40, 44, 60, 255))


def finish(img, r, noise=4.0, vignette=0.28, blur=0.8):
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(img).astype(float)
    h, w, _ = arr.shape
    yy, xx = np.mgrid[0:h, 0:w]
    dist = np.sqrt(((xx - w / 2) / (w / 2)) ** 2 + ((yy - h / 2) / (h / 2)) ** 2)
    arr *= (1 - vignette * np.clip(dist - 0.35, 0, 1))[..., None]
    rng = np.random.default_rng(r.randint(0, 10 ** 6))
    arr += rng.normal(0, noise, (h, w, 1))
    return to_img(arr)


# ---------------------------------------------------------------- scenes
def scene_hall(r, w, h, backdrop=(170, 28, 32)):
    """Meeting hall: coloured backdrop, stage, speaker, audience heads."""
    img = to_img(vgrad(w, h, jitter((238, 232, 220), r), jitter((150, 140, 130), r)))

    def back(d):
        d.rectangle([w * 0.08, h * 0.08, w * 0.92, h * 0.52], fill=backdrop + (255,))
        d.rectangle([w * 0.08, h * 0.12, w * 0.92, h * 0.2], fill=(250, 236, 190, 120))
        d.rectangle([0, h * 0.52, w, h * 0.6], fill=(120, 70, 50, 255))
    img = layer(img, back, 6)

    def stage(d):
        for i in range(r.randint(3, 6)):
            x = w * (0.25 + 0.5 * i / 5) + r.randint(-20, 20)
            person(d, x, h * 0.56, h * 0.075, jitter((40, 45, 60), r, 12), r)
        d.rectangle([w * 0.2, h * 0.47, w * 0.8, h * 0.56], fill=(90, 40, 30, 255))
    img = layer(img, stage, 3)

    def audience(d):
        for row in range(5):
            y = h * (0.68 + row * 0.08)
            s = h * (0.025 + row * 0.006)
            n = 9 + row
            for i in range(n):
                x = w * (i + 0.5) / n + r.randint(-25, 25)
                back_of_head(d, x, y, s, jitter((30, 26, 24), r, 10))
    return layer(img, audience, 2.5)


def scene_workshop(r, w, h, accent=(230, 120, 30)):
    """Training workshop: machines, floor, trainees in overalls."""
    img = to_img(vgrad(w, h, jitter((205, 212, 218), r), jitter((120, 126, 130), r)))

    def struct(d):
        for i in range(6):
            x = w * i / 5
            d.rectangle([x - 12, 0, x + 12, h * 0.55], fill=(150, 155, 160, 255))
        for i in range(4):
            d.rectangle([w * (0.05 + i * 0.25), h * 0.05, w * (0.2 + i * 0.25), h * 0.14],
                        fill=(250, 250, 240, 200))
        d.rectangle([0, h * 0.55, w, h], fill=jitter((110, 118, 112), r) + (255,))
        d.rectangle([0, h * 0.62, w, h * 0.64], fill=(220, 200, 40, 255))
    img = layer(img, struct, 8)

    def machines(d):
        for i in range(r.randint(3, 4)):
            x0 = w * (0.04 + i * 0.26) + r.randint(-30, 30)
            y1 = h * (0.7 + 0.04 * (i % 2))
            col = jitter((90, 130, 150), r, 25) if i % 2 else jitter((200, 205, 200), r, 10)
            d.rounded_rectangle([x0, y1 - h * 0.32, x0 + w * 0.2, y1], radius=18, fill=col + (255,))
            d.rectangle([x0 + w * 0.03, y1 - h * 0.27, x0 + w * 0.12, y1 - h * 0.14],
                        fill=(40, 60, 70, 255))
            d.rectangle([x0, y1 - h * 0.05, x0 + w * 0.2, y1 - h * 0.035], fill=accent + (255,))
    img = layer(img, machines, 3)

    def people(d):
        for i in range(r.randint(4, 7)):
            x = r.uniform(0.08, 0.92) * w
            y = r.uniform(0.78, 0.95) * h
            person(d, x, y, h * r.uniform(0.08, 0.11), jitter((35, 70, 140), r, 15), r)
    return layer(img, people, 2)


def scene_field(r, w, h, crop="tea"):
    """Terraces of tea, rows of vegetables or an orchard, hills and people."""
    sky = vgrad(w, h, jitter((150, 190, 230), r), jitter((232, 238, 240), r))
    img = to_img(sky)

    def hills(d):
        for k, col in enumerate([(120, 150, 140), (90, 130, 100), (70, 115, 70)]):
            base = h * (0.35 + 0.07 * k)
            pts = [(0, h)]
            for x in range(0, w + 80, 80):
                pts.append((x, base + 40 * np.sin(x / (200 + 90 * k) + r.random() * 0.3 + k)))
            pts.append((w, h))
            d.polygon(pts, fill=jitter(col, r, 10) + (255,))
    img = layer(img, hills, 10)

    def rows(d):
        if crop == "orchard":
            for i in range(40):
                x = r.uniform(-0.05, 1.05) * w
                y = r.uniform(0.5, 0.95) * h
                s = (y / h) * 130
                d.ellipse([x - s, y - s * 1.3, x + s, y + s * 0.4], fill=jitter((50, 110, 45), r, 15) + (255,))
                for _ in range(9):
                    fx = x + r.uniform(-0.8, 0.8) * s
                    fy = y + r.uniform(-1.0, 0.2) * s
                    fs = s * 0.09
                    d.ellipse([fx - fs, fy - fs, fx + fs, fy + fs], fill=jitter((240, 150, 30), r, 15) + (255,))
        else:
            green = (60, 140, 60) if crop == "tea" else (90, 160, 60)
            for i in range(14):
                y = h * (0.5 + i * 0.04)
                th = 10 + i * 3
                off = 60 * np.sin(i)
                d.rounded_rectangle([-50 + off, y, w + 50, y + th * 1.6], radius=int(th),
                                    fill=jitter(green, r, 15) + (255,))
    img = layer(img, rows, 3)

    def people(d):
        for i in range(r.randint(3, 6)):
            x = r.uniform(0.1, 0.9) * w
            y = r.uniform(0.75, 0.95) * h
            s = h * 0.09 * (y / h)
            person(d, x, y, s, jitter((210, 70, 60) if i % 2 else (240, 240, 235), r, 20), r)
            d.ellipse([x - s * 0.7, y - s * 3.55, x + s * 0.7, y - s * 3.2], fill=(220, 200, 150, 255))
    return layer(img, people, 2)


def scene_classroom(r, w, h):
    img = to_img(vgrad(w, h, jitter((236, 234, 226), r), jitter((180, 170, 155), r)))

    def front(d):
        d.rectangle([w * 0.18, h * 0.1, w * 0.82, h * 0.48], fill=(40, 70, 60, 255))
        d.rectangle([w * 0.3, h * 0.13, w * 0.7, h * 0.43], fill=jitter((205, 225, 245), r) + (255,))
        d.rectangle([0, h * 0.55, w, h], fill=(170, 140, 110, 255))
    img = layer(img, front, 6)

    def teacher(d):
        person(d, w * r.uniform(0.15, 0.3), h * 0.62, h * 0.09, jitter((120, 40, 50), r), r)
    img = layer(img, teacher, 3)

    def students(d):
        for row in range(4):
            y = h * (0.7 + row * 0.09)
            n = 6
            for i in range(n):
                x = w * (i + 0.5) / n + r.randint(-15, 15)
                s = h * (0.035 + row * 0.008)
                seated(d, x, y, s, jitter((60, 90, 160), r, 15))
                d.rectangle([x - s * 1.4, y - s * 0.3, x + s * 1.4, y + s * 0.2], fill=(200, 170, 130, 255))
    return layer(img, students, 2)


def scene_stage(r, w, h):
    img = to_img(vgrad(w, h, (18, 14, 30), jitter((70, 30, 80), r)))

    def lights(d):
        for i in range(5):
            x = w * (0.1 + i * 0.2)
            col = r.choice([(255, 220, 150), (150, 180, 255), (255, 120, 180)])
            d.polygon([(x - 20, 0), (x + 20, 0), (x + 220, h * 0.85), (x - 220, h * 0.85)],
                      fill=col + (60,))
    img = layer(img, lights, 25)

    def dancers(d):
        for i in range(r.randint(5, 8)):
            x = r.uniform(0.1, 0.9) * w
            y = h * r.uniform(0.72, 0.85)
            person(d, x, y, h * 0.1, jitter((230, 60, 70), r, 25), r)
            d.polygon([(x - h * 0.09, y - h * 0.1), (x + h * 0.09, y - h * 0.1), (x + h * 0.05, y - h * 0.22),
                       (x - h * 0.05, y - h * 0.22)], fill=jitter((250, 200, 210), r, 10) + (230,))
        d.rectangle([0, h * 0.85, w, h], fill=(40, 25, 20, 255))
    return layer(img, dancers, 2.5)


def scene_water(r, w, h):
    img = to_img(vgrad(w, h, jitter((160, 200, 235), r), jitter((230, 236, 238), r)))

    def shore(d):
        d.rectangle([0, h * 0.42, w, h * 0.5], fill=(70, 110, 80, 255))
        d.rectangle([0, h * 0.5, w, h], fill=jitter((50, 110, 150), r) + (255,))
        for i in range(30):
            y = r.uniform(0.52, 1.0) * h
            d.line([(r.uniform(0, w), y), (r.uniform(0, w), y)], fill=(200, 225, 240, 90), width=3)
    img = layer(img, shore, 6)

    def boats(d):
        for i in range(r.randint(2, 3)):
            x = w * (0.25 + i * 0.28) + r.randint(-40, 40)
            y = h * (0.68 + i * 0.07)
            d.polygon([(x - 260, y), (x + 260, y), (x + 200, y + 22), (x - 200, y + 22)],
                      fill=jitter((240, 200, 40), r, 10) + (255,))
            seated(d, x, y + 4, h * 0.05, jitter((200, 30, 40), r, 10))
            d.line([(x - 150, y - 120), (x + 150, y + 60)], fill=(40, 40, 40, 255), width=9)
    return layer(img, boats, 2)


def scene_building(r, w, h):
    img = to_img(vgrad(w, h, jitter((120, 170, 225), r), jitter((225, 235, 245), r)))

    def block(d):
        x0, x1 = w * r.uniform(0.1, 0.2), w * r.uniform(0.8, 0.9)
        top = h * r.uniform(0.15, 0.25)
        d.rectangle([x0, top, x1, h * 0.72], fill=jitter((230, 222, 205), r, 10) + (255,))
        d.rectangle([x0, top, x1, top + 25], fill=(170, 60, 50, 255))
        cols, rowsn = 14, 6
        for i in range(cols):
            for j in range(rowsn):
                cx = x0 + (x1 - x0) * (i + 0.5) / cols
                cy = top + 50 + (h * 0.72 - top - 80) * j / rowsn
                d.rectangle([cx - 22, cy, cx + 22, cy + 38], fill=(90, 130, 165, 255))
        d.rectangle([w * 0.45, h * 0.58, w * 0.55, h * 0.72], fill=(60, 70, 80, 255))
        d.rectangle([0, h * 0.72, w, h], fill=(150, 150, 145, 255))
    img = layer(img, block, 3)

    def trees(d):
        for i in range(12):
            x = r.uniform(0, w)
            y = h * r.uniform(0.72, 0.8)
            s = r.uniform(70, 140)
            d.ellipse([x - s, y - s * 2, x + s, y], fill=jitter((60, 120, 60), r, 20) + (255,))
        for i in range(r.randint(5, 10)):
            person(d, r.uniform(0.05, 0.95) * w, h * r.uniform(0.85, 0.97), h * 0.05,
                   jitter((60, 80, 150), r, 40), r)
    return layer(img, trees, 4)


def scene_lab(r, w, h, screen=(120, 200, 240)):
    img = to_img(vgrad(w, h, jitter((242, 244, 246), r), jitter((190, 196, 200), r)))

    def benches(d):
        d.rectangle([0, h * 0.6, w, h], fill=(205, 208, 210, 255))
        for row in range(3):
            y = h * (0.55 + row * 0.14)
            d.rectangle([w * 0.05, y, w * 0.95, y + h * 0.04], fill=(230, 232, 235, 255))
            for i in range(5):
                x = w * (0.12 + i * 0.19)
                d.rectangle([x - 55, y - 95, x + 55, y - 5], fill=(30, 30, 35, 255))
                d.rectangle([x - 48, y - 88, x + 48, y - 12], fill=jitter(screen, r, 20) + (255,))
    img = layer(img, benches, 3)

    def people(d):
        for i in range(r.randint(4, 7)):
            x = r.uniform(0.08, 0.92) * w
            seated(d, x, h * r.uniform(0.8, 0.98), h * 0.07, jitter((245, 245, 245), r, 8))
    return layer(img, people, 2)


def scene_ceremony(r, w, h, backdrop=(180, 30, 30)):
    """Unveiling / signing: backdrop, a row of standing guests, red ribbon."""
    img = to_img(vgrad(w, h, jitter(backdrop, r, 10), tuple(int(v * 0.6) for v in backdrop)))

    def deco(d):
        d.rectangle([0, h * 0.1, w, h * 0.3], fill=(250, 220, 120, 70))
        d.rectangle([0, h * 0.78, w, h], fill=(110, 90, 80, 255))
        d.rounded_rectangle([w * 0.42, h * 0.35, w * 0.58, h * 0.62], radius=10,
                            fill=(240, 235, 225, 255))
    img = layer(img, deco, 6)

    def guests(d):
        n = r.randint(5, 8)
        for i in range(n):
            x = w * (0.1 + 0.8 * i / (n - 1))
            person(d, x, h * 0.92, h * 0.16, jitter((35, 38, 48), r, 10), r)
        d.line([(w * 0.05, h * 0.62), (w * 0.95, h * 0.62)], fill=(210, 20, 30, 255), width=16)
        for i in range(1, n, 2):
            x = w * (0.1 + 0.8 * i / (n - 1))
            d.ellipse([x - 45, h * 0.58, x + 45, h * 0.66], fill=(230, 30, 40, 255))
    return layer(img, guests, 2)


def scene_sport(r, w, h):
    """Gym / track: floor, court lines, athletes."""
    img = to_img(vgrad(w, h, jitter((200, 210, 225), r), jitter((120, 130, 150), r)))

    def court(d):
        d.rectangle([0, h * 0.5, w, h], fill=jitter((200, 110, 70), r, 15) + (255,))
        for i in range(6):
            d.line([(0, h * (0.55 + i * 0.08)), (w, h * (0.52 + i * 0.09))], fill=(245, 245, 245, 255), width=6)
        for i in range(8):
            d.rectangle([w * i / 8 + 10, h * 0.1, w * (i + 1) / 8 - 10, h * 0.2], fill=(250, 250, 235, 160))
    img = layer(img, court, 5)

    def athletes(d):
        for i in range(r.randint(4, 7)):
            x = r.uniform(0.08, 0.92) * w
            y = h * r.uniform(0.7, 0.95)
            person(d, x, y, h * 0.1, jitter((20, 60, 170) if i % 2 else (220, 30, 40), r, 15), r)
    return layer(img, athletes, 2)


SCENES = {
    "hall": scene_hall, "workshop": scene_workshop, "field": scene_field,
    "classroom": scene_classroom, "stage": scene_stage, "water": scene_water,
    "building": scene_building, "lab": scene_lab, "ceremony": scene_ceremony,
    "sport": scene_sport,
}

# name, scene, kwargs, height
PLAN = [
    # 第4章 国际合作
    ("ch4-01", "water", {}, 1067),              # 亚洲青少年皮划艇赛
    ("ch4-02a", "lab", {"screen": (150, 210, 170)}, 1067),  # 线上交流
    ("ch4-02b", "stage", {}, 1067),             # 文化交流演出
    # 第5章 产教融合
    ("ch5-01", "ceremony", {"backdrop": (175, 32, 36)}, 1067),  # 订单班开班
    ("ch5-02a", "workshop", {"accent": (230, 120, 30)}, 1067),  # 师傅指导
    ("ch5-02b", "workshop", {"accent": (40, 160, 90)}, 1067),   # 岗位轮训
    ("ch5-03a", "field", {"crop": "tea"}, 1067),
    ("ch5-03b", "field", {"crop": "orchard"}, 1067),
    ("ch5-03c", "workshop", {"accent": (30, 110, 200)}, 1067),
    ("ch5-03d", "lab", {}, 1067),
    ("ch5-04", "ceremony", {"backdrop": (30, 70, 150)}, 1067),  # 产业学院揭牌
    ("ch5-05", "hall", {"backdrop": (30, 80, 160)}, 1067),      # 联合体理事会
    ("ch5-06", "building", {}, 1200),                            # 实践中心
    ("ch5-07", "field", {"crop": "tea"}, 1067),                  # 案例：茶园
    ("ch5-08", "workshop", {"accent": (200, 40, 40)}, 1067),     # 案例：新能源汽车
    ("ch5-09a", "field", {"crop": "orchard"}, 1067),             # 案例：柑橘
    ("ch5-09b", "lab", {"screen": (240, 180, 90)}, 1067),        # 案例：直播
    # 第6章 发展保障
    ("ch6-01a", "hall", {"backdrop": (175, 25, 30)}, 1067),      # 专题党课
    ("ch6-01b", "ceremony", {"backdrop": (185, 30, 30)}, 1067),  # 主题党日
    ("ch6-02", "hall", {"backdrop": (160, 30, 30)}, 1067),       # 教代会
    ("ch6-03", "classroom", {}, 1067),                           # 督导听课
    ("ch6-04a", "workshop", {"accent": (240, 180, 20)}, 1067),   # 企业实践
    ("ch6-04b", "classroom", {}, 1067),                          # 教学能力比赛
    ("ch6-04c", "hall", {"backdrop": (40, 90, 150)}, 1067),      # 集中培训
    ("ch6-04d", "lab", {"screen": (160, 160, 240)}, 1067),       # 数字化培训
    ("ch6-05", "building", {}, 1200),                            # 新建实训楼
    ("ch6-06", "classroom", {}, 1067),                           # 案例：名师工作室
    ("ch6-07", "sport", {}, 1067),                               # 案例：体校
]


def make(name, scene, kwargs, hgt, seed):
    r = random.Random(seed)
    w = 1600
    img = SCENES[scene](r, w, hgt, **kwargs)
    img = finish(img, r)
    path = os.path.join(OUT, name + ".jpg")
    q = 80
    while True:
        img.save(path, "JPEG", quality=q, optimize=True, progressive=True)
        if os.path.getsize(path) <= MAX_BYTES or q <= 50:
            break
        q -= 5
    return path, os.path.getsize(path), q


def main():
    os.makedirs(OUT, exist_ok=True)
    for i, (name, scene, kw, hgt) in enumerate(PLAN):
        path, size, q = make(name, scene, kw, hgt, 4700 + i * 37)
        print(f"{os.path.basename(path):14s} {size // 1024:4d} KB q={q}")


if __name__ == "__main__":
    main()
