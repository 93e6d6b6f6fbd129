import { describe, expect, it } from 'vitest';
import { barFigure, lineFigure, mapFigure, toSvg } from '../../../../electron/common/handover/figures';
import {
  isSmallHours,
  lastShiftChange,
  nextShiftChange,
  parseShiftChanges,
  shiftEndingAt,
} from '../../../../electron/common/handover/shifts';

const cst = (iso: string) => Date.parse(`${iso}+08:00`);

describe('shift changes', () => {
  const changes = parseShiftChanges(['20:00', '08:00']);
  it('reads HH:MM and names a bad entry', () => {
    expect(changes).toEqual([480, 1200]);
    expect(() => parseShiftChanges(['8h'])).toThrow(/"8h" is not a time HH:MM/);
    expect(() => parseShiftChanges([])).toThrow(/at least one/);
  });

  it('finds the shift a moment ends, the next and the last change, in China time whatever the machine says', () => {
    expect(shiftEndingAt(cst('2026-05-14T08:00'), changes)).toEqual({
      start: cst('2026-05-13T20:00'),
      end: cst('2026-05-14T08:00'),
    });
    expect(shiftEndingAt(cst('2026-05-14T03:10'), changes).start).toBe(cst('2026-05-13T20:00'));
    expect(nextShiftChange(cst('2026-05-14T08:00'), changes)).toBe(cst('2026-05-14T20:00'));
    expect(nextShiftChange(cst('2026-05-14T21:00'), changes)).toBe(cst('2026-05-15T08:00'));
    expect(lastShiftChange(cst('2026-05-14T08:00'), changes)).toBe(cst('2026-05-14T08:00'));
    expect(lastShiftChange(cst('2026-05-14T07:59'), changes)).toBe(cst('2026-05-13T20:00'));
  });

  it('knows the small hours (22:00–06:00)', () => {
    expect(isSmallHours(cst('2026-05-14T02:00'))).toBe(true);
    expect(isSmallHours(cst('2026-05-14T22:00'))).toBe(true);
    expect(isSmallHours(cst('2026-05-14T06:00'))).toBe(false);
    expect(isSmallHours(cst('2026-05-14T14:00'))).toBe(false);
  });
});

describe('report figures', () => {
  it('draws the stage against its levels, bars and a map, and writes SVG with text escaped', () => {
    const f = lineFigure(
      [
        { t: 0, v: 180 },
        { t: 3_600_000, v: 183 },
      ],
      [{ v: 182.64, label: '警戒 <182.64>', colour: '#e67e22' }],
      [{ t: 7_200_000, v: 184 }],
    );
    expect(f.items.filter((i) => i.t === 'line' && i.dash)).toHaveLength(2);
    const svg = toSvg(f);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('警戒 &#60;182.64&#62;');
    expect(
      toSvg(
        barFigure([
          { label: '20', v: 0 },
          { label: '21', v: 4 },
        ]),
      ).match(/<rect/g),
    ).toHaveLength(1);
    const m = mapFigure(
      [
        [106.3, 29.5],
        [106.5, 29.5],
        [106.5, 29.7],
        [106.3, 29.5],
      ],
      [],
      [{ lon: 106.4, lat: 29.6, colour: '#e5383b' }],
    );
    const dot = m.items.find((i) => i.t === 'dot')!;
    expect(dot.t === 'dot' && dot.x > 0 && dot.x < 480 && dot.y > 0 && dot.y < 360).toBe(true);
    expect(lineFigure([], []).items[0]).toMatchObject({ t: 'text', s: '—' });
  });
});
