// The handover report laid out once as sections (heading, lines, tables, figures), so the HTML page and
// the PDF say exactly the same thing; and the HTML page itself (self-contained, figures as inline SVG).
import { GRADES, URGENCIES } from '../dispatch/types';
import { ALARM_STATES } from '../alarms/types';
import { RULE_STATES } from '../rules/engine';
import { toSvg, type Figure } from './figures';
import { chinaTime, reportLabels, type ReportLocale } from './labels';
import type { HandoverRecord, HandoverReport } from './types';

export interface Section {
  heading: string;
  lines: string[];
  table?: { head: string[]; rows: string[][] };
  figures?: { caption: string; figure: Figure }[];
}

const LEVEL_ZH = { major: '重大', high: '较大', moderate: '一般', low: '低' } as const;
const LEVEL_EN = { major: 'major', high: 'high', moderate: 'moderate', low: 'low' } as const;

export function reportSections(r: HandoverReport, record: HandoverRecord | null, locale: ReportLocale): Section[] {
  const L = reportLabels(locale);
  const en = locale === 'en';
  const lv = en ? LEVEL_EN : LEVEL_ZH;
  const sep = en ? ', ' : '，';
  const kv = (pairs: [string, number | string][]) => pairs.map(([k, v]) => `${k} ${v}`).join(sep);
  const i = r.incidents;
  const a = r.alarms;
  const shelved = (x: HandoverReport['alarms']['shelved'][number]) =>
    `${en ? x.titleEn : x.title}（${x.shelveReason ?? ''}，→ ${x.shelvedUntil ? chinaTime(x.shelvedUntil) : ''}）`;
  const brief = (x: HandoverReport['alarms']['active'][number]) => [
    chinaTime(x.raisedAt),
    en ? x.titleEn : x.title,
    x.priority,
  ];
  const out: Section[] = [
    {
      heading: L.title,
      lines: [
        `${L.shift}: ${chinaTime(r.shiftStart)} – ${chinaTime(r.at)}`,
        `${L.generated}: ${chinaTime(r.generatedAt)}`,
        record?.acceptedAt
          ? `${L.accepted}: ${chinaTime(record.acceptedAt)} ${L.by} ${record.acceptedBy?.name ?? ''}` +
            (record.note ? ` — ${record.note}` : '')
          : L.notAccepted,
      ],
    },
    {
      heading: L.incidents,
      lines: [
        `${L.open}: ${i.open}`,
        `${L.byGrade}: ${kv(GRADES.map((g) => [L[g], i.byGrade[g] ?? 0]))}`,
        `${L.byDeadline}: ${kv([
          [L.overdue, i.byDeadline.overdue],
          [L.dueSoon, i.byDeadline.dueSoon],
          [L.onTime, i.byDeadline.onTime],
          [L.none, i.byDeadline.none],
        ])}`,
        kv(URGENCIES.map((u) => [L[u], i.byUrgency[u] ?? 0])),
        kv([
          [L.reportedInShift, i.reportedInShift],
          [L.closedInShift, i.closedInShift],
        ]),
      ],
      table: i.overdue.length
        ? {
            head: [L.overdueList, '', '', ''],
            rows: i.overdue.map((o) => [o.ref, o.title, L[o.grade], `${L.overdue} ${o.overdueMin} min`]),
          }
        : undefined,
    },
    {
      heading: L.alarms,
      lines: [
        `${L.alarmCounts}: ${kv(ALARM_STATES.map((s) => [L[s], a.counts[s] ?? 0]))}`,
        `${L.raisedInShift}: ${a.raisedInShift}`,
        ...a.floods.map((f) => `${L.floods}: ${f.seat} ${f.count} (${chinaTime(f.since)})`),
        `${L.standing}: ${a.standing.length ? a.standing.map((x) => (en ? x.titleEn : x.title)).join('；') : L.nothing}`,
        `${L.shelved}: ${a.shelved.length ? a.shelved.map(shelved).join('；') : L.nothing}`,
        `${L.chattering}: ${a.chattering.length ? a.chattering.map((c) => `${c.sourceId} ×${c.count}`).join(sep) : L.nothing}`,
      ],
      table: a.active.length ? { head: [L.active, '', ''], rows: a.active.slice(0, 40).map(brief) } : undefined,
    },
    {
      heading: L.levels,
      lines: [
        kv([
          [L.raised, r.levelChanges.raised],
          [L.lowered, r.levelChanges.lowered],
        ]),
      ],
      table: r.levelChanges.items.length
        ? {
            head: ['', '', '', ''],
            rows: r.levelChanges.items
              .slice(0, 60)
              .map((c) => [chinaTime(c.at), c.name, `${lv[c.from]} → ${lv[c.to]}`, en ? '' : c.reason.slice(0, 80)]),
          }
        : undefined,
    },
    {
      heading: L.notable,
      lines: r.notable.length
        ? r.notable.slice(0, 40).map((n) => `${chinaTime(n.at)} ${en ? n.textEn : n.text}`)
        : [L.nothing],
    },
    {
      heading: L.kpis,
      lines: [
        `${L.kpiStates}: ${kv(RULE_STATES.map((s) => [L[s], r.kpis.byState[s] ?? 0]))}`,
        ...r.kpis.alerting
          .slice(0, 30)
          .map((k) => `${en ? k.nameEn : k.name}: ${k.value ?? '—'} ${k.unit} (${k.severity ?? ''})`),
      ],
    },
    {
      heading: L.flood,
      lines: [
        ...r.flood.stations.map(
          (s) =>
            `${en ? s.nameEn : s.name}: ${L.stage} ${s.stageM ?? '—'} m（${L.warning} ${s.warningM} / ${L.guarantee} ${s.guaranteeM}）` +
            (s.forecastPeak
              ? `，${L.forecastPeak} ${s.forecastPeak.stageM} m @ ${chinaTime(s.forecastPeak.t)}（${s.forecastKind}）`
              : ''),
        ),
        `${L.flooded}: ${r.flood.floodedPoints}` +
          (r.flood.floodedTowns.length
            ? `（${r.flood.floodedTowns.map((t) => `${en ? t.nameEn : t.name} ${t.points}`).join(sep)}）`
            : ''),
      ],
    },
    {
      heading: L.figures,
      lines: [],
      figures: [
        { caption: L.mapFig, figure: r.figures.map },
        { caption: L.stageFig, figure: r.figures.stage },
        { caption: L.alarmsFig, figure: r.figures.alarmsByHour },
      ],
    },
  ];
  return out;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderHandoverHtml(r: HandoverReport, record: HandoverRecord | null, locale: ReportLocale): string {
  const body = reportSections(r, record, locale)
    .map((s, k) => {
      const h = k === 0 ? `<h1>${esc(s.heading)}</h1>` : `<h2>${esc(s.heading)}</h2>`;
      const lines = s.lines.map((l) => `<p>${esc(l)}</p>`).join('');
      const table = s.table
        ? `<table>${s.table.rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`
        : '';
      const figs = (s.figures ?? [])
        .map((f) => `<figure>${toSvg(f.figure)}<figcaption>${esc(f.caption)}</figcaption></figure>`)
        .join('');
      return `<section>${h}${lines}${table}${figs}</section>`;
    })
    .join('');
  const title = esc(reportLabels(locale).title);
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#1d2733}' +
    'h1{font-size:22px}h2{font-size:16px;border-bottom:1px solid #ccd;margin-top:20px}p{margin:4px 0}' +
    'table{border-collapse:collapse;font-size:12px}td{border:1px solid #dde;padding:2px 6px}' +
    'figure{display:inline-block;margin:8px}figcaption{font-size:12px;text-align:center}</style></head>' +
    `<body>${body}</body></html>`
  );
}
