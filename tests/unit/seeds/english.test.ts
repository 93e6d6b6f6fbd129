// Issue 7 item 9: the data speaks English too, not only the chrome.
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../../seeds/generate/index';
import { FAMILIES } from '../../../seeds/reference/categories';

const seed = buildSeed();
const latin = /^[A-Za-z0-9][A-Za-z0-9 ,.'()/&+-]*$/; // English words only: no Chinese left behind

describe('English names in the seed', () => {
  it('every department, family, category and plan has a non-empty English name', () => {
    const rows = [...seed.departments, ...seed.families, ...seed.categories, ...seed.plans];
    expect(rows.length).toBe(21 + 12 + 120 + 120);
    const missing = rows.filter((r) => !latin.test(r.nameEn.trim()));
    expect(missing.map((r) => r.name)).toEqual([]);
  });

  it('every plan has its steps in English, one for one', () => {
    for (const p of seed.plans) {
      expect(p.stepsEn.length, p.id).toBe(p.steps.length);
      expect(
        p.stepsEn.every((s) => latin.test(s)),
        p.id,
      ).toBe(true);
    }
    expect(FAMILIES.every((f) => f.stepsEn.length === f.steps.length)).toBe(true);
  });

  it('every town has its pinyin name with its kind ("Ciqikou Street", "Zhongliang Town")', () => {
    for (const t of seed.towns) expect(t.nameEn, t.name).toMatch(t.kind === 'street' ? / Street$/ : / Town$/);
    expect(seed.towns.find((t) => t.name === '磁器口街道')?.nameEn).toBe('Ciqikou Street');
    expect(seed.towns.find((t) => t.name === '中梁镇')?.nameEn).toBe('Zhongliang Town');
    expect(seed.towns.every((t) => /^[A-Z][a-z]+ (Street|Town)$/.test(t.nameEn))).toBe(true);
  });
});
