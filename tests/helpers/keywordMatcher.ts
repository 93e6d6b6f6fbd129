// The matcher as it was before issue 7 (item 10): the first keyword of a short list (20 rules, written
// against the seeded samples) decides. Kept only as the baseline that benchmarks and tests measure the
// responsibility list and its scorer against, on the same rows in the same run.
import type { MatchInput, ResponsibilityRule } from '../../electron/common/dispatch/matching';

const r = (
  id: string,
  lead: string,
  assist: string[],
  keywords: string[],
  priority = 1,
  families?: string[],
): ResponsibilityRule => ({ id, lead, assist, keywords, priority, ...(families ? { families } : {}) });

export const KEYWORD_LIST: readonly ResponsibilityRule[] = [
  r('police-missing', 'police', ['civil'], ['走失', '走散', '失踪', '找不到家', '迷路'], 3),
  r('police-order', 'police', [], ['打架', '斗殴', '盗窃', '被盗', '诈骗', '醉酒闹事', '聚集', '纠纷升级'], 2),
  r('police-traffic', 'police', ['transport'], ['交通事故', '车辆相撞', '追尾', '违停堵路', '酒驾'], 2),
  r('fire', 'fire', ['emergency'], ['火灾', '起火', '冒烟', '着火', '消防通道', '电动车充电', '烟雾报警'], 3),
  r(
    'urban-street',
    'urban',
    [],
    [
      '占道经营',
      '乱摆摊',
      '流动摊贩',
      '垃圾',
      '渣土',
      '广告牌',
      '店招',
      '井盖',
      '路灯',
      '绿化带',
      '乱搭乱建',
      '油烟扰民',
      '夜市噪音',
    ],
  ),
  r(
    'emergency-hazchem',
    'emergency',
    ['fire', 'ecology'],
    ['危化品', '化学品', '有毒气体', '泄漏异味', '粉尘爆炸', '有限空间'],
    3,
  ),
  r('emergency-general', 'emergency', [], ['应急', '被困', '救援', '山火']),
  r('water-flood', 'water', ['urban', 'emergency'], ['积水', '内涝', '河道', '水位', '溢流', '山洪', '排洪'], 2),
  r(
    'planning-geo',
    'planning',
    ['emergency'],
    ['滑坡', '塌方', '危岩', '落石', '崩塌', '地面塌陷', '地裂缝', '边坡'],
    3,
  ),
  r(
    'utilities',
    'utilities',
    [],
    ['燃气', '天然气', '停水', '停电', '漏水', '爆管', '供水', '电缆', '通信中断', '信号塔'],
    2,
  ),
  r('housing-site', 'housing', ['urban'], ['工地', '施工', '塔吊', '脚手架', '基坑', '夜间施工', '建筑垃圾'], 2),
  r(
    'housing-dwelling',
    'housing',
    ['civil'],
    ['危房', '房屋开裂', '墙体开裂', '外墙脱落', '老旧小区', '电梯困人', '物业'],
    2,
  ),
  r(
    'transport',
    'transport',
    ['police'],
    ['公交车', '公交线路', '道路破损', '坑洼', '红绿灯', '信号灯', '拥堵', '出租车', '桥梁', '隧道'],
    1,
  ),
  r('ecology', 'ecology', [], ['排污', '污水', '黑臭', '异味', '扬尘', '噪声污染', '焚烧', '水质']),
  r('market', 'market', [], ['食品安全', '过期食品', '就餐后', '价格欺诈', '无证经营', '特种设备', '游乐设施', '药店']),
  r('health', 'health', [], ['医院', '就医', '急救', '传染', '疫情', '卫生院', '诊所']),
  r('civil', 'civil', [], ['低保', '流浪', '乞讨', '养老院', '孤寡老人', '救助', '殡葬']),
  r('education', 'education', ['police'], ['学生', '校门口', '幼儿园', '校车', '培训机构', '放学'], 1),
  r('ciqikou-crowds', 'police', ['urban', 'transport'], ['人流', '拥挤', '限流'], 2),
];

export function keywordMatch(
  input: MatchInput,
  rules: readonly ResponsibilityRule[] = KEYWORD_LIST,
): { lead: string } | null {
  const text = `${input.title} ${input.description}`;
  // place names in descriptions ("学校旁", "公交站") must not outvote what the title says happened
  let best: { rule: ResponsibilityRule; keyword: string; score: number } | null = null;
  for (const rule of rules) {
    if (rule.towns && (!input.townCode || !rule.towns.includes(input.townCode))) continue;
    if (rule.families && input.familyId && !rule.families.includes(input.familyId)) continue;
    const kw = rule.keywords.find((k) => text.includes(k));
    if (!kw) continue;
    // a keyword in the title, a family match and a longer keyword are stronger evidence
    const inTitle = rule.keywords.some((k) => input.title.includes(k));
    const score = rule.priority * 100 + (inTitle ? 60 : 0) + (rule.families && input.familyId ? 50 : 0) + kw.length;
    if (!best || score > best.score || (score === best.score && rule.id < best.rule.id))
      best = { rule, keyword: kw, score };
  }
  return best ? { lead: best.rule.lead } : null;
}
