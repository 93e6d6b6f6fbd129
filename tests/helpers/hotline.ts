// Real citizen messages (../shared/data/hotline, a labelled public set): MEASUREMENT ONLY. Nothing of it is
// copied into the project; tests and benchmarks read it from ../shared and skip when it is absent.
// The labels are the set's first-level classes; how they meet our departments is ours:
import fs from 'node:fs';
import path from 'node:path';
import type { MatchInput, MatchResult } from '../../electron/common/dispatch/matching';
import { SHARED } from './tmp';

export const HOTLINE_DIR = path.join(SHARED, 'data', 'hotline');

/** the six classes that meet the 4+N departments, and the leads accepted for each */
export const CLASS_LEADS: Record<string, readonly string[]> = {
  城乡建设: ['housing', 'urban', 'planning', 'utilities', 'water'],
  环境保护: ['ecology', 'urban'],
  交通运输: ['transport', 'police'],
  教育文体: ['education', 'culture-tourism'],
  商贸旅游: ['market', 'commerce', 'culture-tourism'],
  卫生计生: ['health'],
};
/** the seventh class, which the seeded departments reach only since the bureaus outside the roster */
export const SOCIAL_SECURITY_LEADS: readonly string[] = ['hrss', 'medical-insurance'];

export interface HotlineRow {
  id: string;
  title: string;
  text: string;
  label: string;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0]);
}

/** The dev set, or the reason it cannot be read. */
export function loadHotline(): { rows: HotlineRow[] } | { skip: string } {
  const file = path.join(HOTLINE_DIR, 'dev.csv');
  if (!fs.existsSync(file)) return { skip: `${file} is absent (the labelled hotline set lives outside the repo)` };
  const [head, ...body] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const col = (n: string) => head.indexOf(n);
  const [id, title, text, label] = ['id', 'title', 'text', 'label'].map(col);
  if ([id, title, text, label].some((i) => i < 0)) return { skip: `${file} lacks the columns id,title,text,label` };
  return { rows: body.map((r) => ({ id: r[id], title: r[title], text: r[text], label: r[label] })) };
}

export interface HotlineScore {
  rows: number;
  right: number;
  manual: number;
  /** right / rows and manual / rows over the six classes */
  rightShare: number;
  manualShare: number;
  /** the seventh class (labour and social security) on its own */
  social: { rows: number; right: number; manual: number };
  byClass: Record<string, { rows: number; right: number; manual: number }>;
}

export function scoreHotline(
  rows: HotlineRow[],
  match: (i: MatchInput) => Pick<MatchResult, 'lead'> | null,
): HotlineScore {
  const byClass: HotlineScore['byClass'] = {};
  const social = { rows: 0, right: 0, manual: 0 };
  let n = 0;
  let right = 0;
  let manual = 0;
  for (const r of rows) {
    const m = match({ title: r.title, description: r.text.replaceAll('_x000D_', '') });
    const accepted = CLASS_LEADS[r.label];
    if (!accepted) {
      if (r.label !== '劳动和社会保障') continue;
      social.rows++;
      if (!m) social.manual++;
      else if (SOCIAL_SECURITY_LEADS.includes(m.lead)) social.right++;
      continue;
    }
    const c = (byClass[r.label] ??= { rows: 0, right: 0, manual: 0 });
    n++;
    c.rows++;
    if (!m) {
      manual++;
      c.manual++;
    } else if (accepted.includes(m.lead)) {
      right++;
      c.right++;
    }
  }
  return { rows: n, right, manual, rightShare: right / n, manualShare: manual / n, social, byClass };
}
