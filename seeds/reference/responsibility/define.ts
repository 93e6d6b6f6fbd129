// The responsibility list is written as tables, one matter a line, so that several hundred matters stay
// readable and reviewable:
//   id | 事项 (the matter) | assisting departments | words and synonyms | context words | flags
// Words are separated by spaces. Context words only support a matter already named by one of its words
// (place words such as 小区, 学校 that a report mentions for other reasons). Flags: p2 / p3 (urgent / life
// safety), event (the matter is something happening: "没有/无" right before a word denies it),
// fam=a,b (only when the report names a category of those risk families), town=code,code.
import type { ResponsibilityRule } from '../../../electron/common/dispatch/matching';

const words = (cell: string | undefined) => (cell ?? '').split(/\s+/).filter(Boolean);

export function matters(lead: string, table: string): ResponsibilityRule[] {
  const out: ResponsibilityRule[] = [];
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [id, matter, assist, keywords, context, flags] = line.split('|').map((c) => c.trim());
    if (!id || !matter || !keywords) throw new Error(`responsibility list (${lead}): incomplete line "${line}"`);
    const rule: ResponsibilityRule = {
      id,
      matter,
      keywords: words(keywords),
      lead,
      assist: (assist ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      priority: 1,
    };
    const ctx = words(context);
    if (ctx.length) rule.context = ctx;
    for (const f of words(flags)) {
      if (f === 'p2' || f === 'p3') rule.priority = Number(f[1]);
      else if (f === 'event') rule.event = true;
      else if (f.startsWith('fam=')) rule.families = f.slice(4).split(',');
      else if (f.startsWith('town=')) rule.towns = f.slice(5).split(',');
      else throw new Error(`responsibility list (${lead}): unknown flag "${f}" in "${line}"`);
    }
    out.push(rule);
  }
  return out;
}
