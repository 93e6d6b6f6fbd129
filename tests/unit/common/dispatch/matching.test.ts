// The scorer that reads Chinese (issue 7 item 10): segmentation over the list's own words, title above
// description, denials, events, context, families, towns, explanations, and null rather than a guess.
import { describe, expect, it } from 'vitest';
import { MIN_SCORE, matchDepartments, type ResponsibilityRule } from '../../../../electron/common/dispatch/matching';
import { normalise, Vocabulary } from '../../../../electron/common/dispatch/reading';
import { createRng } from '../../../../electron/common/prng';

const rule = (id: string, lead: string, keywords: string[], more: Partial<ResponsibilityRule> = {}) =>
  ({ id, matter: id, lead, assist: [], keywords, priority: 1, ...more }) as ResponsibilityRule;

const RULES: ResponsibilityRule[] = [
  rule('gas', 'utilities', ['燃气', '燃气泄漏', '燃气味'], { event: true, families: ['gas'], priority: 3 }),
  rule('pipe', 'utilities', ['燃气管道']),
  rule('sewer', 'urban', ['下水道', '异味'], { context: ['小区'] }),
  rule('noise', 'ecology', ['噪音', '噪声污染']),
  rule('site', 'housing', ['施工', '工地'], { context: ['噪音'] }),
  rule('light', 'urban', ['路灯']),
  rule('fee-school', 'education', ['乱收费'], { context: ['学校', '中学'] }),
  rule('fee-price', 'market', ['乱收费', '物价']),
  rule('crowd-ciqikou', 'police', ['拥挤'], { towns: ['500106004'] }),
];
const match = (title: string, description = '', more: { familyId?: string; townCode?: string } = {}) =>
  matchDepartments({ title, description, ...more }, RULES);

describe('reading: a segmenter over the list’s vocabulary', () => {
  const v = new Vocabulary(['燃气', '燃气管道', '管道', '山体', '体育馆', '噪音']);
  it('keeps the longer word where words overlap', () => {
    expect(v.read(normalise('燃气管道破裂')).map((o) => o.term)).toEqual(['燃气管道']);
    expect(v.read(normalise('歌乐山体育馆')).map((o) => o.term)).toEqual(['体育馆']);
    expect(v.read(normalise('燃气和管道')).map((o) => o.term)).toEqual(['燃气', '管道']);
  });
  it('marks denials in the same clause, not across a clause end, and not "不是第一次"', () => {
    const read = (t: string) => v.read(normalise(t)).map((o) => `${o.term}:${o.denied ? 'denied' : 'ok'}`);
    expect(read('不是燃气的味道')).toEqual(['燃气:denied']);
    expect(read('经查并非噪音')).toEqual(['噪音:denied']);
    expect(read('不是我家的，燃气味很重')).toEqual(['燃气:ok']);
    expect(read('这不是第一次噪音扰民')).toEqual(['噪音:ok']);
  });
  it('normalises full-width letters and spaces, and refuses one-character words', () => {
    expect(normalise('ＫＴＶ 噪 音')).toBe('ktv噪音');
    expect(() => new Vocabulary(['灯'])).toThrow(/shorter than two characters/);
  });
});

describe('matchDepartments', () => {
  it('explains itself: the matter, the words found (title first), the strongest word', () => {
    const m = match('小区燃气泄漏', '楼道里燃气味很重，下水道也有异味');
    expect(m).toMatchObject({ lead: 'utilities', ruleId: 'gas', matter: 'gas', keyword: '燃气泄漏' });
    expect(m!.words.slice(0, 1)).toEqual(['燃气泄漏']);
    expect(m!.words).toContain('燃气味');
    expect(m!.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('weighs the title above the description', () => {
    expect(match('噪音太大', '旁边有工地')?.lead).toBe('ecology'); // the title says noise …
    expect(match('工地扰民', '晚上有噪音')?.lead).toBe('housing'); // … or names the works
    expect(match('路灯不亮', '旁边下水道有异味')?.lead).toBe('urban');
    expect(match('下水道堵塞', '路灯也坏了')?.ruleId).toBe('sewer');
  });

  it('drops denied words, and absence words only for events ("没有燃气味" vs "没有路灯")', () => {
    expect(match('不是燃气泄漏', '')).toBeNull();
    expect(match('楼道异味', '物业说不是燃气泄漏')?.ruleId).toBe('sewer');
    expect(match('楼道异味', '物业说不是燃气泄漏')?.denied).toEqual(['燃气泄漏']);
    expect(match('没有燃气味', '')).toBeNull();
    expect(match('小区没有路灯', '')?.ruleId).toBe('light');
  });

  it('lets context words support a matter but never name one', () => {
    expect(match('小区', '小区小区')).toBeNull();
    expect(match('学校乱收费', '')?.lead).toBe('education');
    expect(match('商店乱收费', '物价')?.lead).toBe('market');
  });

  it('keeps family and town restrictions', () => {
    expect(match('燃气味', '', { familyId: 'crowds' })).toBeNull();
    expect(match('燃气味', '', { familyId: 'gas' })?.lead).toBe('utilities');
    expect(match('人太拥挤', '', { townCode: '500106001' })).toBeNull();
    expect(match('人太拥挤', '', { townCode: '500106004' })?.ruleId).toBe('crowd-ciqikou');
  });

  it('returns null for no evidence or weak evidence: one short word deep in a description', () => {
    expect(match('其他问题', '情况不明')).toBeNull();
    expect(match('反映情况', '附近路灯')).toBeNull(); // one two-character word in the description
    expect(match('反映情况', '附近有噪声污染')?.lead).toBe('ecology'); // a longer, more specific word: enough
  });

  it('property: text without any vocabulary word around a report never changes the decision', () => {
    const rng = createRng(7);
    const filler = '请尽快处理谢谢相关部门市民反映情况附近居民希望早日解决';
    const reports: [string, string][] = [
      ['燃气泄漏', '楼道味道很重'],
      ['路灯不亮', ''],
      ['工地噪音', '半夜'],
      ['学校乱收费', '家长反映'],
    ];
    for (let i = 0; i < 200; i++) {
      const [title, body] = reports[i % reports.length];
      const pad = Array.from({ length: rng.int(1, 40) }, () => filler[rng.int(0, filler.length - 1)]).join('');
      const a = match(title, body);
      const b = match(title, `${pad}${body}${pad}`);
      expect(b?.ruleId, `${title} / ${pad}`).toBe(a?.ruleId);
    }
  });
});
