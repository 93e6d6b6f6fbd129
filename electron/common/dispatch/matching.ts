// "4+N" matching against the responsibility list (权责清单): category family, keywords and town decide the
// lead and assisting departments. No rule, no guess: the incident goes to the manual triage queue.
import type { Tier } from './types';

export interface ResponsibilityRule {
  id: string;
  /** any of these in title + description */
  keywords: string[];
  /** restrict to risk-category families (when the report names a category) */
  families?: string[];
  /** restrict to towns (codes); absent = district-wide */
  towns?: string[];
  lead: string;
  assist: string[];
  /** higher wins when several rules match */
  priority: number;
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
  keyword: string;
}

export function matchDepartments(input: MatchInput, rules: readonly ResponsibilityRule[]): MatchResult | null {
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
  return best
    ? { lead: best.rule.lead, assist: [...best.rule.assist], ruleId: best.rule.id, keyword: best.keyword }
    : null;
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
