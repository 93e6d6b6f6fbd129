// matching.realText: the share of real citizen messages (../shared/data/hotline, dev set, measurement only)
// whose lead department is right, over the six classes that meet the 4+N departments. Accepted leads per
// class (tests/helpers/hotline.ts): 城乡建设 → housing, urban, planning, utilities or water; 环境保护 →
// ecology or urban; 交通运输 → transport or police; 教育文体 → education or culture-and-tourism (which
// answers for sport here); 商贸旅游 → market supervision, commerce or culture-and-tourism; 卫生计生 → health.
// Baseline: the keyword list the matcher had before (tests/helpers/keywordMatcher.ts) on the same rows in
// the same run. The note carries the manual-triage shares and the labour / social-security class on its own
// (human resources and social security or medical insurance accepted).
import { matchDepartments } from '../../electron/common/dispatch/matching';
import { RESPONSIBILITY_LIST } from '../../seeds/reference/responsibility/index';
import { loadHotline, scoreHotline } from '../helpers/hotline';
import { keywordMatch } from '../helpers/keywordMatcher';
import { line } from './stats';

export function benchMatching(): void {
  const data = loadHotline();
  if ('skip' in data) {
    console.log(`matching.realText skipped: ${data.skip}`);
    return;
  }
  const t0 = performance.now();
  const now = scoreHotline(data.rows, (i) => matchDepartments(i, RESPONSIBILITY_LIST));
  const ms = performance.now() - t0;
  const before = scoreHotline(data.rows, (i) => keywordMatch(i));
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  line('matching.realText', now.rightShare, before.rightShare, 'share', {
    target: '≥ 0.85 right, ≤ 0.10 manual triage',
    note:
      `${now.rows} messages in six classes; manual triage ${pct(now.manualShare)} (baseline ${pct(before.manualShare)}); ` +
      `labour and social security ${pct(now.social.right / now.social.rows)} right ` +
      `(baseline ${pct(before.social.right / before.social.rows)}); ${RESPONSIBILITY_LIST.length} matters; ` +
      `${(ms / data.rows.length).toFixed(2)} ms a message`,
  });
}
