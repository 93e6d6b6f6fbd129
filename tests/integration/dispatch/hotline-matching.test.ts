// Issue 7 item 10: the responsibility list and its scorer on real citizen messages (../shared/data/hotline,
// measurement only; skipped with the reason printed when the set is not there).
import { describe, expect, it } from 'vitest';
import { matchDepartments } from '../../../electron/common/dispatch/matching';
import { RESPONSIBILITY_LIST } from '../../../seeds/reference/responsibility/index';
import { loadHotline, scoreHotline } from '../../helpers/hotline';
import { keywordMatch } from '../../helpers/keywordMatcher';

const data = loadHotline();
if ('skip' in data) console.warn(`hotline matching skipped: ${data.skip}`);

describe.skipIf('skip' in data)('matching real citizen text', () => {
  const rows = 'rows' in data ? data.rows : [];

  it('names the right lead for ≥ 85 % of the six mapped classes and leaves ≤ 10 % to manual triage', () => {
    const s = scoreHotline(rows, (i) => matchDepartments(i, RESPONSIBILITY_LIST));
    const old = scoreHotline(rows, (i) => keywordMatch(i));
    console.log(
      `hotline dev set: ${(s.rightShare * 100).toFixed(1)} % right, ${(s.manualShare * 100).toFixed(1)} % manual ` +
        `(old keyword list ${(old.rightShare * 100).toFixed(1)} % / ${(old.manualShare * 100).toFixed(1)} %)`,
    );
    expect(s.rows).toBeGreaterThan(400);
    expect(s.rightShare).toBeGreaterThanOrEqual(0.85);
    expect(s.manualShare).toBeLessThanOrEqual(0.1);
    // every class is served, not only the big ones
    for (const [label, c] of Object.entries(s.byClass)) expect(c.right / c.rows, label).toBeGreaterThan(0.6);
    // labour and social security reaches the bureau outside the roster
    expect(s.social.right / s.social.rows).toBeGreaterThanOrEqual(0.8);
  });

  it('explains every match: the matter and words that are in the message', () => {
    for (const r of rows.slice(0, 100)) {
      const m = matchDepartments({ title: r.title, description: r.text }, RESPONSIBILITY_LIST);
      if (!m) continue;
      const text = `${r.title}${r.text}`.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
      expect(m.words.length).toBeGreaterThan(0);
      for (const w of m.words) expect(text, `${m.ruleId}: ${w}`).toContain(w);
      expect(RESPONSIBILITY_LIST.find((x) => x.id === m.ruleId)?.matter).toBe(m.matter);
    }
  });
});
