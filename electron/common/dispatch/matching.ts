// "4+N" matching against the responsibility list (权责清单): each matter of the list names its words
// (the matter and its synonyms), its lead and assisting departments, and optionally the risk families and
// towns it is restricted to. The report is read with the list's own vocabulary (reading.ts); each word
// found weighs by its length, by how many departments share it, and three times more in the title than in
// the description; a denied word ("不是燃气味") counts for nothing. The department with the strongest
// evidence leads, through its strongest matter, and the match says which matter and which words.
// No evidence or weak evidence: null, and the incident goes to the manual triage queue, never to a guess.
import { normalise, Vocabulary, type Occurrence } from './reading';
import type { Tier } from './types';

export interface ResponsibilityRule {
  id: string;
  /** the matter as the list names it (权责事项); the id when absent */
  matter?: string;
  /** the matter's words and synonyms: any of these in title + description is evidence */
  keywords: string[];
  /** words that only support a matter already named by a keyword ("小区", "学校"): a third of the weight */
  context?: string[];
  /** restrict to risk-category families (when the report names a category) */
  families?: string[];
  /** restrict to towns (codes); absent = district-wide */
  towns?: string[];
  lead: string;
  assist: string[];
  /** breaks ties and lifts life-safety matters: 1 ordinary, 2 urgent, 3 life safety */
  priority: number;
  /** the matter is something happening (fire, smoke, a gas smell): "没有/无" right before a word denies it.
   *  Otherwise absence is the complaint itself ("没有路灯", "无证经营"). */
  event?: boolean;
}

export interface MatchInput {
  title: string;
  description: string;
  familyId?: string | null;
  townCode?: string | null;
}
export interface MatchResult {
  lead: string;
  assist: string[];
  ruleId: string;
  /** the strongest word */
  keyword: string;
  /** the matter that decided, and every word of it that was found, strongest (usually the title's) first */
  matter: string;
  words: string[];
  /** words found but denied ("不是…", "并非…"), which did not count */
  denied: string[];
  score: number;
}

/** Below this the evidence is too thin to name a department (one short word in a long description). */
export const MIN_SCORE = 1.5;
const TITLE_WEIGHT = 3;
const CONTEXT_WEIGHT = 1 / 3;
const FAMILY_BONUS = 1.5;
const TOWN_BONUS = 1.2;
/** what a department's other matters add to its strongest one */
const OTHER_MATTERS = 0.75;

interface Entry {
  rule: number;
  context: boolean;
}
interface Index {
  vocabulary: Vocabulary;
  entries: Map<string, Entry[]>;
  /** per term: 1 / the number of departments whose matters name it */
  specificity: Map<string, number>;
}

const indexes = new WeakMap<readonly ResponsibilityRule[], Index>();

function indexOf(rules: readonly ResponsibilityRule[]): Index {
  const cached = indexes.get(rules);
  if (cached) return cached;
  const entries = new Map<string, Entry[]>();
  const leads = new Map<string, Set<string>>();
  rules.forEach((rule, i) => {
    const add = (raw: string, context: boolean) => {
      const t = normalise(raw);
      const list = entries.get(t) ?? [];
      if (!list.some((e) => e.rule === i)) list.push({ rule: i, context });
      entries.set(t, list);
      if (!context) leads.set(t, (leads.get(t) ?? new Set()).add(rule.lead));
    };
    for (const k of rule.keywords) add(k, false);
    for (const k of rule.context ?? []) add(k, true);
  });
  const specificity = new Map([...entries.keys()].map((t) => [t, 1 / Math.max(1, leads.get(t)?.size ?? 1)]));
  const index = { vocabulary: new Vocabulary(entries.keys()), entries, specificity };
  indexes.set(rules, index);
  return index;
}

const lengthWeight = (t: string) => (t.length >= 4 ? 2 : t.length === 3 ? 1.5 : 1);

interface Found {
  inTitle: boolean;
  inBody: number;
  denied: boolean;
  absent: boolean;
}

function gather(into: Map<string, Found>, occurrences: Occurrence[], title: boolean): void {
  for (const o of occurrences) {
    const f = into.get(o.term) ?? { inTitle: false, inBody: 0, denied: true, absent: true };
    if (title) f.inTitle = true;
    else f.inBody++;
    // a word counts if any of its occurrences is affirmed
    f.denied &&= o.denied;
    f.absent &&= o.absent;
    into.set(o.term, f);
  }
}

function termWeight(term: string, f: Found, ix: Index): number {
  const field = (f.inTitle ? TITLE_WEIGHT : 0) + (f.inBody ? 1 + 0.25 * Math.min(f.inBody - 1, 4) : 0);
  return lengthWeight(term) * ix.specificity.get(term)! * field;
}

interface Scored {
  rule: number;
  score: number;
  /** word → weight, and whether the word is one of the matter's own (not context) */
  terms: Map<string, { w: number; own: boolean }>;
}

export function matchDepartments(input: MatchInput, rules: readonly ResponsibilityRule[]): MatchResult | null {
  const ix = indexOf(rules);
  const found = new Map<string, Found>();
  gather(found, ix.vocabulary.read(normalise(input.title)), true);
  gather(found, ix.vocabulary.read(normalise(input.description)), false);
  const scored = new Map<number, Scored>();
  const deniedWords: string[] = [];
  for (const [term, f] of found) {
    for (const e of ix.entries.get(term)!) {
      const rule = rules[e.rule];
      if (rule.towns && (!input.townCode || !rule.towns.includes(input.townCode))) continue;
      if (rule.families && input.familyId && !rule.families.includes(input.familyId)) continue;
      if (f.denied || (rule.event && f.absent)) {
        if (!e.context && !deniedWords.includes(term)) deniedWords.push(term);
        continue;
      }
      const s = scored.get(e.rule) ?? { rule: e.rule, score: 0, terms: new Map() };
      s.terms.set(term, { w: termWeight(term, f, ix) * (e.context ? CONTEXT_WEIGHT : 1), own: !e.context });
      scored.set(e.rule, s);
    }
  }
  const byLead = new Map<string, Scored[]>();
  for (const s of scored.values()) {
    const rule = rules[s.rule];
    let sum = 0;
    for (const t of s.terms.values()) sum += t.w;
    const familyMatch = rule.families && input.familyId && rule.families.includes(input.familyId);
    s.score = sum * (1 + 0.2 * (rule.priority - 1)) * (familyMatch ? FAMILY_BONUS : 1) * (rule.towns ? TOWN_BONUS : 1);
    byLead.set(rule.lead, [...(byLead.get(rule.lead) ?? []), s]);
  }
  let best: { top: Scored; score: number } | null = null;
  for (const list of byLead.values()) {
    // the matter that leads needs one of its own words: context alone names nothing
    const named = list.filter((s) => [...s.terms.values()].some((t) => t.own));
    if (!named.length) continue;
    named.sort((a, b) => b.score - a.score || rules[a.rule].id.localeCompare(rules[b.rule].id));
    const top = named[0];
    // the department's other matters add the words its leading matter did not already count
    const extra = new Map<string, number>();
    for (const s of list)
      if (s !== top)
        for (const [t, { w }] of s.terms) if (!top.terms.has(t)) extra.set(t, Math.max(extra.get(t) ?? 0, w));
    let score = top.score;
    for (const w of extra.values()) score += OTHER_MATTERS * w;
    if (!best || score > best.score || (score === best.score && rules[top.rule].id < rules[best.top.rule].id))
      best = { top, score };
  }
  if (!best || best.score < MIN_SCORE) return null;
  const rule = rules[best.top.rule];
  const ranked = [...best.top.terms.entries()].sort((a, b) => b[1].w - a[1].w || a[0].localeCompare(b[0]));
  return {
    lead: rule.lead,
    assist: [...rule.assist],
    ruleId: rule.id,
    keyword: ranked.find(([, t]) => t.own)![0],
    matter: rule.matter ?? rule.id,
    words: ranked.map(([t]) => t),
    denied: deniedWords,
    score: Math.round(best.score * 100) / 100,
  };
}

/** Three-tier linkage: who leads and who is informed. */
export interface Linkage {
  lead: Tier;
  informed: Tier[];
}

export function linkage(tier: Tier): Linkage {
  switch (tier) {
    case 'district':
      return { lead: 'district', informed: ['town', 'community'] };
    case 'town':
      return { lead: 'town', informed: ['district', 'community'] };
    case 'community':
      return { lead: 'community', informed: ['town'] };
  }
}

/** Default tier for a grade: small matters stay with the community, thorny ones go to the district. */
export function defaultTier(grade: 'small' | 'major' | 'difficult' | 'thorny'): Tier {
  return grade === 'small' ? 'community' : grade === 'thorny' || grade === 'major' ? 'district' : 'town';
}
