// The responsibility list at real scale (issue 7 item 10): well formed, every department real, the bureaus
// outside the roster reachable, and no word that a place name or a seeded sample's spot would trigger.
import { describe, expect, it } from 'vitest';
import { matchDepartments } from '../../../electron/common/dispatch/matching';
import { normalise } from '../../../electron/common/dispatch/reading';
import { buildSeed } from '../../../seeds/generate/index';
import { matters } from '../../../seeds/reference/responsibility/define';
import { RESPONSIBILITY_LIST } from '../../../seeds/reference/responsibility/index';
import { TOWNS } from '../../../seeds/reference/towns';

const seed = buildSeed();
const deps = new Set(seed.departments.map((d) => d.id));
const families = new Set(seed.families.map((f) => f.id));

describe('responsibility list', () => {
  it('has several hundred matters with synonyms, unique ids, real departments and families', () => {
    expect(RESPONSIBILITY_LIST.length).toBeGreaterThanOrEqual(300);
    expect(RESPONSIBILITY_LIST.reduce((n, r) => n + r.keywords.length, 0)).toBeGreaterThanOrEqual(2_000);
    expect(new Set(RESPONSIBILITY_LIST.map((r) => r.id)).size).toBe(RESPONSIBILITY_LIST.length);
    for (const r of RESPONSIBILITY_LIST) {
      expect(deps.has(r.lead), `${r.id} lead ${r.lead}`).toBe(true);
      for (const a of r.assist) expect(deps.has(a) && a !== r.lead, `${r.id} assist ${a}`).toBe(true);
      for (const f of r.families ?? []) expect(families.has(f), `${r.id} family ${f}`).toBe(true);
      expect(r.matter, r.id).toBeTruthy();
      for (const w of [...r.keywords, ...(r.context ?? [])])
        expect(normalise(w).length, `${r.id}: ${w}`).toBeGreaterThan(1);
    }
    expect(seed.responsibility).toBe(RESPONSIBILITY_LIST);
  });

  it('lets every department lead some matter, including the six bureaus outside the joint-duty roster', () => {
    const leads = new Set(RESPONSIBILITY_LIST.map((r) => r.lead));
    for (const d of seed.departments.filter((x) => x.id !== 'cross-district')) expect(leads.has(d.id), d.id).toBe(true);
    const outside = seed.departments.filter((d) => !d.jointDuty).map((d) => d.id);
    expect(outside).toHaveLength(6);
    const reach = (title: string) => matchDepartments({ title, description: '' }, RESPONSIBILITY_LIST)?.lead;
    expect(reach('公司拖欠工资三个月')).toBe('hrss');
    expect(reach('异地就医报销比例太低')).toBe('medical-insurance');
    expect(reach('景区门票涨价')).toBe('culture-tourism');
    expect(reach('退役士兵安置问题')).toBe('veterans');
    expect(reach('信访事项一直没有答复')).toBe('petitions');
    expect(reach('步行街商业网点规划')).toBe('commerce');
  });

  it('has no word a town name or the seeded samples’ spots would trigger on their own', () => {
    const places = [
      ...TOWNS.map((t) => t.name.replace(/(街道|镇)$/, '')),
      ...['正街', '菜市场', '公交站', '小区门口', '广场', '桥头', '学校旁', '老街', '二号路', '体育馆'],
    ];
    for (const p of places) {
      const m = matchDepartments({ title: `${p}情况`, description: `${p}附近` }, RESPONSIBILITY_LIST);
      expect(m, `${p} → ${m?.ruleId} ${m?.words}`).toBeNull();
    }
  });

  it('refuses malformed lines and unknown flags, naming the line', () => {
    expect(() => matters('urban', 'x | 事项')).toThrow(/incomplete line "x \| 事项"/);
    expect(() => matters('urban', 'x | 事项 | | 占道 | | p9')).toThrow(/unknown flag "p9"/);
    expect(matters('urban', 'x | 事项 | police | 占道 摆摊 | 人行道 | p2 event fam=crowds town=500106004')).toEqual([
      {
        id: 'x',
        matter: '事项',
        keywords: ['占道', '摆摊'],
        context: ['人行道'],
        lead: 'urban',
        assist: ['police'],
        priority: 2,
        event: true,
        families: ['crowds'],
        towns: ['500106004'],
      },
    ]);
  });
});
