// A season of historical incidents (10k+) for boards, stats and benchmarks: reports from the grid,
// citizens, alerts and officers, each taken through the loop with realistic timing. About 1.5 % are
// deliberately vague (no responsibility rule applies) and go to manual triage, as in real life.
import { DEADLINES, suggestGrade } from '../../electron/common/dispatch/grades';
import type { Command, IncidentReport, IncidentSource } from '../../electron/common/dispatch/types';
import { suggestUrgency } from '../../electron/common/dispatch/urgency';
import { createRng, type Rng } from '../../electron/common/prng';
import { TOWNS } from '../reference/towns';

interface Template {
  title: string;
  detail: string;
  lead: string;
}
const TEMPLATES: Template[] = [
  {
    title: '{place}老人走失',
    detail: '家属报称一名七十岁左右老人在{place}附近走失，身穿灰色外套，需协助寻找。',
    lead: 'police',
  },
  { title: '{place}儿童走散', detail: '网格员报告一名约六岁儿童在{place}与家人走散，已在原地等候。', lead: 'police' },
  { title: '{place}有人打架', detail: '群众反映{place}一餐馆门口有人打架，现场约五人。', lead: 'police' },
  { title: '{place}电动车充电冒烟', detail: '居民反映{place}楼道内电动车充电时冒烟，有焦糊味。', lead: 'fire' },
  { title: '{place}消防通道被占', detail: '{place}小区消防通道长期停放车辆，影响救援。', lead: 'fire' },
  { title: '{place}占道经营', detail: '{place}人行道上有流动摊贩占道经营，影响通行。', lead: 'urban' },
  { title: '{place}井盖缺失', detail: '{place}路段一处井盖缺失，存在行人跌落隐患。', lead: 'urban' },
  { title: '{place}垃圾堆积', detail: '{place}垃圾收集点垃圾堆积未清运，气味较大。', lead: 'urban' },
  { title: '{place}路面积水', detail: '强降雨后{place}下穿道路积水约三十厘米，车辆涉水通行。', lead: 'water' },
  { title: '{place}边坡落石', detail: '{place}道路旁边坡有落石滚落，已有碎石散落路面。', lead: 'planning' },
  { title: '{place}燃气异味', detail: '居民反映{place}单元楼内有明显燃气异味，请求排查。', lead: 'utilities' },
  { title: '{place}停水', detail: '{place}片区自早上起停水，未见停水通知。', lead: 'utilities' },
  { title: '{place}夜间施工扰民', detail: '{place}工地夜间十一点后仍在施工，噪音很大。', lead: 'housing' },
  { title: '{place}外墙脱落', detail: '{place}一栋老楼外墙瓷砖脱落，砸中楼下雨棚。', lead: 'housing' },
  { title: '{place}信号灯故障', detail: '{place}路口信号灯不亮，车辆通行混乱。', lead: 'transport' },
  { title: '{place}道路破损', detail: '{place}机动车道出现大面积坑洼，已有车辆爆胎。', lead: 'transport' },
  { title: '{place}污水直排', detail: '{place}附近一排口有污水直排入河，水体发黑。', lead: 'ecology' },
  { title: '{place}餐馆食品安全', detail: '市民反映在{place}一餐馆就餐后腹泻，怀疑食品安全问题。', lead: 'market' },
  { title: '{place}流浪人员', detail: '{place}桥下有流浪人员露宿，天气转冷需救助。', lead: 'civil' },
  { title: '{place}校门口拥堵', detail: '{place}学校放学时段校门口车辆拥堵，存在安全隐患。', lead: 'education' },
  { title: '{place}危化品异味', detail: '{place}一仓库附近有刺鼻气味，疑似危化品泄漏异味。', lead: 'emergency' },
];
const VAGUE: string[] = ['{place}有问题需要处理', '反映{place}情况', '{place}相关诉求'];
const SPOTS = ['正街', '菜市场', '公交站', '小区门口', '广场', '桥头', '学校旁', '老街', '二号路', '体育馆'];
const SOURCES: IncidentSource[] = ['grid', 'citizen', 'alert', 'officer'];
const DEPS = [
  'police',
  'fire',
  'urban',
  'emergency',
  'housing',
  'transport',
  'water',
  'planning',
  'ecology',
  'market',
  'health',
  'civil',
  'education',
  'utilities',
];

export interface HistoricalIncident {
  report: IncidentReport;
  reportedAt: number;
  /** commands with their offset from the report, in order; the ledger's rules still judge each */
  steps: { afterMs: number; command: Command; by: 'officer' | 'department' | 'leader' }[];
  expectedLead: string | null;
}

function place(rng: Rng): { name: string; lon: number; lat: number; code: string } {
  const t = rng.weighted(
    TOWNS,
    TOWNS.map((x) => x.weight),
  );
  const m = 111_320;
  return {
    name: `${t.name.replace(/(街道|镇)$/, '')}${rng.pick(SPOTS)}`,
    lon: t.lon + (rng.normal() * 600) / (m * Math.cos((t.lat * Math.PI) / 180)),
    lat: t.lat + (rng.normal() * 600) / m,
    code: t.code,
  };
}

const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * A season ending at `end` (the first start): every incident's whole handling is planned with
 * realistic gaps for its grade and urgency, and only the steps that happened before `end` are kept,
 * so the board opens on what a district has in hand on an evening — the last day's work at every
 * stage, a few long matters, a few late ones — and the season behind it is closed and evaluated.
 */
export function generateIncidents(count = 12_000, seed = 1510, start = Date.UTC(2026, 6, 1)): HistoricalIncident[] {
  const rng = createRng(seed);
  const season = 92 * 24 * HOUR;
  const end = start + season;
  const out: HistoricalIncident[] = [];
  for (let i = 0; i < count; i++) {
    const p = place(rng);
    const vague = rng.next() < 0.015;
    const t = rng.pick(TEMPLATES);
    const fill = (s: string) => s.replaceAll('{place}', p.name);
    const title = vague ? fill(rng.pick(VAGUE)) : fill(t.title);
    const source = rng.weighted(SOURCES, [55, 30, 5, 10]);
    const reportedAt = start + Math.floor(rng.next() * season);
    const report: IncidentReport = {
      source,
      title,
      description: vague ? `${title}，具体情况见附件。` : fill(t.detail),
      lon: Math.round(p.lon * 1e6) / 1e6,
      lat: Math.round(p.lat * 1e6) / 1e6,
      town: p.code,
      reporter:
        source === 'grid'
          ? `网格员${rng.int(1, 900)}号`
          : source === 'citizen'
            ? `市民${rng.int(1000, 9999)}`
            : undefined,
      occurredAt: reportedAt,
    };
    const grade = suggestGrade(report).grade;
    const urgency = suggestUrgency(report).urgency;
    const handleMs = DEADLINES[grade].handleMs;
    const lead = vague ? rng.pick(DEPS) : t.lead;
    const steps: HistoricalIncident['steps'] = [];
    let at = 0;
    const add = (command: Command, by: Step['by'], gapMs: number) => {
      at += Math.max(1_000, Math.round(gapMs));
      steps.push({ afterMs: at, command, by });
    };
    const between = (a: number, b: number) => a + rng.next() * (b - a);
    const fast = urgency === 'emergency';
    add(
      { type: 'triage', grade: 'small', tier: 'community' },
      'officer',
      fast ? between(0.3, 0.9) * MIN : between(1, 8) * MIN,
    );
    add(
      { type: 'dispatch', leadDepartmentId: lead, assistDepartmentIds: [] },
      'officer',
      fast ? between(0.3, 1.5) * MIN : between(1, 6) * MIN,
    );
    let leadNow = lead;
    if (rng.next() < 0.03) {
      add(
        { type: 'return', departmentId: lead, reason: '经核实不属于本部门职责范围' },
        'department',
        between(10, 120) * MIN,
      );
      leadNow = lead === 'urban' ? 'housing' : 'urban';
      add({ type: 'dispatch', leadDepartmentId: leadNow, assistDepartmentIds: [] }, 'officer', between(5, 40) * MIN);
    }
    add({ type: 'accept', departmentId: leadNow }, 'department', fast ? between(0.2, 1) * MIN : between(3, 45) * MIN);
    add({ type: 'arrive' }, 'department', fast ? between(1.5, 4) * MIN : between(20, 240) * MIN);
    // most are handled well within their window; about one in twenty-five runs late
    const late = rng.next() < 0.04;
    const handled = late ? between(1.0, 1.4) * handleMs : between(0.04, 0.55) * handleMs;
    const evidenceId = `ev-h${i}`;
    const noEvidence = rng.next() < 0.01;
    if (!noEvidence) {
      add(
        {
          type: 'attach',
          evidence: { id: evidenceId, kind: 'note', name: '现场处置记录', note: '处置前后现场情况已记录' },
        },
        'department',
        Math.max(60_000, handled - at - 20 * MIN),
      );
    }
    const resolveAt = Math.max(at + MIN, handled);
    add(
      { type: 'resolve', summary: '已到场处置完毕，并向反映人回访说明', evidenceIds: noEvidence ? [] : [evidenceId] },
      'department',
      resolveAt - at,
    );
    if (noEvidence) {
      // the quality check sends it back: evidence attached, resolved again
      add({ type: 'verify', passed: false, note: '缺少处置佐证材料' }, 'officer', between(20, 180) * MIN);
      add(
        { type: 'attach', evidence: { id: evidenceId, kind: 'note', name: '补充处置记录', note: '补充现场照片说明' } },
        'department',
        between(30, 240) * MIN,
      );
      add(
        { type: 'resolve', summary: '已补充处置佐证材料并回访说明', evidenceIds: [evidenceId] },
        'department',
        between(5, 30) * MIN,
      );
    }
    add({ type: 'verify', passed: true }, 'officer', between(10, 8 * 60) * MIN);
    const satisfaction = Math.round(Math.max(60, Math.min(100, 92.6 + rng.normal() * 6)));
    add({ type: 'evaluate', satisfaction }, 'officer', between(1, 120) * MIN);
    // what had happened by the first start; a rare one stuck after acceptance (the supervision list's food)
    const stuck = rng.next() < 0.0006;
    const acceptedAt = steps.findIndex((s) => s.command.type === 'accept');
    const done = steps.filter((s, k) => reportedAt + s.afterMs <= end && !(stuck && k > acceptedAt));
    out.push({ report, reportedAt, steps: done, expectedLead: vague ? null : t.lead });
  }
  return out.sort((a, b) => a.reportedAt - b.reportedAt);
}

type Step = HistoricalIncident['steps'][number];
