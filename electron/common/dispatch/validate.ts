// What a command must say to be accepted, beyond being allowed in the incident's state: departments
// that exist, reasons where a suggestion is overridden, evidence that was actually attached.
import type { QualityRule } from './quality';
import type { Command, Incident } from './types';

export type ContentRejection = {
  code: 'invalid-command' | 'quality-check-failed';
  reason: string;
  failures?: QualityRule[];
};

export interface ValidateContext {
  departments: ReadonlySet<string>;
  /** ticket quality check, consulted when a resolution is verified */
  quality: (i: Incident) => QualityRule[];
}

const bad = (reason: string): ContentRejection => ({ code: 'invalid-command', reason });

function checkDepartments(lead: string, assist: string[], known: ReadonlySet<string>): string | null {
  if (!known.has(lead)) return `unknown lead department ${JSON.stringify(lead)}`;
  const unknown = assist.find((a) => !known.has(a));
  if (unknown !== undefined) return `unknown assisting department ${JSON.stringify(unknown)}`;
  if (assist.includes(lead)) return 'the lead department cannot also assist';
  if (new Set(assist).size !== assist.length) return 'an assisting department is listed twice';
  return null;
}

/** Validates the command's own content against the incident (the transition is already allowed). */
export function validateContent(s: Incident, c: Command, ctx: ValidateContext): ContentRejection | null {
  switch (c.type) {
    case 'acknowledge':
      return s.acknowledgedAt !== null ? bad('this report was already acknowledged') : null;
    case 'triage': {
      const gradeOverride = c.grade !== s.suggestedGrade;
      const urgencyOverride = c.urgency !== undefined && c.urgency !== s.suggestedUrgency;
      if ((gradeOverride || urgencyOverride) && !c.reason?.trim()) {
        const what = gradeOverride
          ? `the suggested grade (${s.suggestedGrade})`
          : `the suggested urgency (${s.suggestedUrgency})`;
        return bad(`overriding ${what} needs a reason`);
      }
      return null;
    }
    case 'dispatch':
    case 'rule': {
      const why = checkDepartments(c.leadDepartmentId, c.assistDepartmentIds, ctx.departments);
      if (why) return bad(why);
      if (c.type === 'rule' && !c.ruling.trim()) return bad('a ruling needs its text');
      return null;
    }
    case 'accept':
    case 'return':
      if (c.departmentId !== s.leadDepartmentId) {
        return bad(`only the lead department (${s.leadDepartmentId}) can ${c.type} this incident`);
      }
      return c.type === 'return' && !c.reason.trim() ? bad('returning an incident needs a reason') : null;
    case 'consult':
    case 'escalate':
      return c.note.trim() ? null : bad(`${c.type} needs a note`);
    case 'attach':
      return s.evidence.some((e) => e.id === c.evidence.id)
        ? bad(`evidence ${c.evidence.id} is already attached`)
        : null;
    case 'resolve': {
      if (!c.summary.trim()) return bad('a resolution needs a summary');
      if (c.evidenceCount !== undefined) return bad('attach the evidence first and name it (evidenceIds)');
      const missing = (c.evidenceIds ?? []).find((id) => !s.evidence.some((e) => e.id === id));
      return missing ? bad(`evidence ${missing} is not attached to this incident`) : null;
    }
    case 'verify': {
      if (!c.passed) return null;
      const failures = ctx.quality(s);
      return failures.length
        ? {
            code: 'quality-check-failed',
            reason: `ticket quality check failed: ${failures.map((f) => f.id).join(', ')}`,
            failures,
          }
        : null;
    }
    case 'cancel':
      if (c.reason !== 'duplicate' && c.reason !== 'invalid') return bad('cancel reason must be duplicate or invalid');
      return c.note.trim() ? null : bad('cancelling needs a note');
    case 'amend':
    case 'note':
    case 'arrive':
    case 'evaluate':
      return null;
  }
}
