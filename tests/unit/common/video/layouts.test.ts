import { describe, expect, it } from 'vitest';
import { LAYOUT_IDS, layoutFor, tileCount, tilePixels, wallLayout } from '../../../../electron/common/video/layouts';

describe('wall layouts', () => {
  it('have the advertised tile counts', () => {
    expect(LAYOUT_IDS.map(tileCount)).toEqual([1, 4, 9, 16, 6, 8]);
  });

  it('cover their grid exactly once, with no overlap and no hole', () => {
    for (const id of LAYOUT_IDS) {
      const l = wallLayout(id);
      const cells = new Map<string, number>();
      l.tiles.forEach((t, i) => {
        for (let r = t.row; r < t.row + t.rowSpan; r++)
          for (let c = t.col; c < t.col + t.colSpan; c++) {
            expect(cells.has(`${c},${r}`), `${id}: cell ${c},${r} covered twice`).toBe(false);
            cells.set(`${c},${r}`, i);
          }
      });
      expect(cells.size, id).toBe(l.cols * l.rows);
    }
  });

  it('1+5 and 1+7 put the big tile first, top-left', () => {
    expect(wallLayout('1+5').tiles[0]).toEqual({ col: 0, row: 0, colSpan: 2, rowSpan: 2 });
    expect(wallLayout('1+7').tiles[0]).toEqual({ col: 0, row: 0, colSpan: 3, rowSpan: 3 });
  });

  it('pixel rectangles fill the area with the gaps between them', () => {
    const px = tilePixels(wallLayout('1+5'), 1920, 1080, 4);
    expect(px[0]).toMatchObject({ x: 0, y: 0 });
    const last = px[px.length - 1];
    expect(last.x + last.w).toBeCloseTo(1920, 6);
    expect(last.y + last.h).toBeCloseTo(1080, 6);
    const area = px.reduce((s, r) => s + r.w * r.h, 0);
    expect(area).toBeLessThan(1920 * 1080);
  });

  it('the smallest square layout for a call-up', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 16, 40].map(layoutFor)).toEqual(['1', '1', '4', '4', '9', '9', '16', '16', '16']);
  });
});
