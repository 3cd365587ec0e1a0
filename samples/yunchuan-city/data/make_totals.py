#!/usr/bin/env python3
"""Compute data/totals.json (city-wide sums and ratios) from data/schools.csv.

Run from anywhere: python3 make_totals.py
"""
import csv
import json
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve().parent

SUMS = [
    "staff", "teachers", "dual_teachers", "senior_teachers", "majors",
    "enrol_prev", "enrol_cur", "students_prev", "students_cur",
    "graduates_prev", "graduates_cur", "further_study_cur", "employed_cur",
    "equipment_wan", "workstations", "certificates_cur",
]


def dec(s):
    return Decimal(s.strip())


def round2(x):
    return float(Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def main():
    with open(HERE / "schools.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    totals = {"schools": len(rows)}
    for key in SUMS:
        s = sum(dec(r[key]) for r in rows)
        totals[key] = round2(s) if key == "equipment_wan" else int(s)
    t = totals
    totals["dual_teacher_pct"] = round2(Decimal(t["dual_teachers"]) * 100 / Decimal(t["teachers"]))
    totals["student_teacher_ratio"] = round2(Decimal(t["students_cur"]) / Decimal(t["teachers"]))
    totals["further_study_pct"] = round2(Decimal(t["further_study_cur"]) * 100 / Decimal(t["graduates_cur"]))
    with open(HERE / "totals.json", "w", encoding="utf-8") as f:
        json.dump(totals, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
