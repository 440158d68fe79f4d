#!/usr/bin/env python3
"""Issue 17 README figures from `tapsim sweep` folders (no dependencies; writes plain SVG).

    python3 scripts/edge-figures.py read-range OUT.svg BEFORE_NFC BEFORE_RCC AFTER_NFC AFTER_RCC
    python3 scripts/edge-figures.py drive OUT.svg BEFORE_DRIVE AFTER_DRIVE

Each folder holds the sweep.csv of one run (commands in README.md, "Physics at the edges").
Success per point = cause_ok / taps pooled over its replications; the bars are 95 % Wilson
intervals on that pooled count (n = taps, printed in the title).
"""
import csv
import math
import sys

COLOURS = {'emv-card': '#1f77b4', 'transit-card': '#2ca02c', 'nfc-phone': '#d62728', 'rcc-phone': '#9467bd', '0': '#1f77b4', '0.01': '#2ca02c', '0.065': '#d62728'}
W, H, L, R, T, B = 720, 420, 60, 170, 40, 50


def rows(folder):
    with open(folder + '/sweep.csv') as f:
        return list(csv.DictReader(f))


def wilson(ok, n):
    if n == 0:
        return (math.nan, math.nan, math.nan)
    p, z = ok / n, 1.96
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (p, c - h, c + h)


def point(r):
    reps = int(float(r['n']))
    taps = float(r['taps_mean']) * reps
    ok = float(r['cause_ok_mean']) * reps
    return wilson(ok, taps), int(round(taps))


def chart(title, xlabel, xmax, series, out):
    """series: list of (label, colour, dashed, [(x, (p, lo, hi))])."""
    sx = lambda x: L + (W - L - R) * x / xmax
    sy = lambda y: T + (H - T - B) * (1 - y)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
         f'<rect width="{W}" height="{H}" fill="white"/>', f'<text x="{L}" y="20" font-size="13">{title}</text>']
    for k in range(0, 11, 2):
        y = sy(k / 10)
        o.append(f'<line x1="{L}" x2="{W - R}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/><text x="{L - 6}" y="{y + 4:.1f}" text-anchor="end">{k * 10}</text>')
    for k in range(0, 11):
        x = sx(xmax * k / 10)
        o.append(f'<text x="{x:.1f}" y="{H - B + 16}" text-anchor="middle">{xmax * k / 10:g}</text>')
    o.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">{xlabel}</text>')
    o.append(f'<text x="16" y="{(T + H - B) / 2}" transform="rotate(-90 16 {(T + H - B) / 2})" text-anchor="middle">tap success, %</text>')
    for i, (label, colour, dashed, pts) in enumerate(series):
        path = ' '.join(f'{"M" if j == 0 else "L"}{sx(x):.1f},{sy(p[0]):.1f}' for j, (x, p) in enumerate(pts))
        dash = ' stroke-dasharray="5,4"' if dashed else ''
        o.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.6"{dash}/>')
        for x, (_, lo, hi) in pts:
            o.append(f'<line x1="{sx(x):.1f}" x2="{sx(x):.1f}" y1="{sy(lo):.1f}" y2="{sy(hi):.1f}" stroke="{colour}" stroke-width="0.8"/>')
        ly = T + 14 * i
        o.append(f'<line x1="{W - R + 10}" x2="{W - R + 34}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="1.6"{dash}/><text x="{W - R + 40}" y="{ly + 4}">{label}</text>')
    o.append('</svg>')
    with open(out, 'w') as f:
        f.write('\n'.join(o) + '\n')


def read_range(out, bn, br, an, ar):
    series, taps = [], []
    for folder, when, dashed in ((bn, 'before', True), (br, 'before', True), (an, 'after', False), (ar, 'after', False)):
        by = {}
        for r in rows(folder):
            kind = r.get('carriers.0.kind') or 'rcc-phone'
            (p, n) = point(r)
            taps.append(n)
            by.setdefault(kind, []).append((float(r['carriers.0.gesture.dwellHeightM']) * 100, p))
        for kind, pts in by.items():
            series.append((f'{kind} ({when})', COLOURS[kind], dashed, sorted(pts)))
    chart(f'Read range per carrier: success vs dwell height (one tap each, {min(taps)}–{max(taps)} taps per point)', 'dwell height, cm', 10, series, out)


def drive(out, before, after):
    series, taps = [], []
    for folder, when, dashed in ((before, 'before', True), (after, 'after', False)):
        by = {}
        for r in rows(folder):
            (p, n) = point(r)
            taps.append(n)
            by.setdefault(r['carriers.0.gesture.dwellHeightM'], []).append((float(r['readers.0.nfc.driveCurrent']), p))
        for h, pts in sorted(by.items(), key=lambda kv: float(kv[0])):
            series.append((f'{float(h) * 100:g} cm ({when})', COLOURS[h], dashed, sorted(pts)))
    chart(f'EMV card vs drive current N·I at 0, 1 and 6.5 cm ({min(taps)}–{max(taps)} taps per point)', 'drive current N·I, A', 1.6, series, out)


if __name__ == '__main__':
    if sys.argv[1] == 'read-range':
        read_range(sys.argv[2], *sys.argv[3:7])
    else:
        drive(sys.argv[2], *sys.argv[3:5])
