// Which action a board key means for the selected incident and the seat at the board. Pure, so it is
// unit-tested: the view opens what this returns (a confirmation, a question, or nothing with why).
import { TRANSITIONS } from '../../../../electron/common/dispatch/machine';
import { mayIssue } from '../../../../electron/common/dispatch/roles';
import type { Actor, Command, CommandType, Incident } from '../../../../electron/common/dispatch/types';

export type BoardKey =
  | 'up'
  | 'down'
  | 'take'
  | 'enter'
  | 'escape'
  | 'new'
  | 'map'
  | 'video'
  | 'note'
  | 'amend'
  | 'triage'
  | 'dispatch'
  | 'accept'
  | 'arrive'
  | 'return'
  | 'consult'
  | 'escalate'
  | 'resolve'
  | 'verify'
  | 'evaluate'
  | 'cancel';

export type Plan =
  /** the one confirmation of grade, urgency, departments and tier; triage and/or dispatch */
  | { kind: 'decide'; triage: boolean; dispatch: boolean }
  /** an irreversible command, shown and confirmed before it is sent */
  | { kind: 'confirm'; command: Command }
  /** a command that needs words (a reason, a note, a ruling) */
  | { kind: 'ask'; field: 'reason' | 'note' | 'ruling'; type: CommandType; confirm: boolean }
  | { kind: 'resolve' }
  | { kind: 'amend' }
  | { kind: 'evaluate' }
  | { kind: 'cancel' }
  /** reversible and immediate */
  | { kind: 'send'; command: Command }
  | { kind: 'unavailable'; why: 'state' | 'role'; type: CommandType; status: Incident['status']; detail?: string };

const allowed = (i: Incident, type: CommandType) => TRANSITIONS[type].from.includes(i.status);

/** The plan for one command type: refused with why (state, role), or what to open. */
function planOf(type: CommandType, i: Incident, seat: Actor, make: () => Plan): Plan {
  if (!allowed(i, type)) return { kind: 'unavailable', why: 'state', type, status: i.status };
  const who = mayIssue(seat, type, i);
  return who ? { kind: 'unavailable', why: 'role', type, status: i.status, detail: who } : make();
}

/** What Enter means: the next step the state and the seat allow, most urgent work first. */
export function nextStep(i: Incident, seat: Actor): Plan | null {
  const order: CommandType[] = ['triage', 'dispatch', 'rule', 'accept', 'arrive', 'resolve', 'verify', 'evaluate'];
  for (const type of order) {
    if (!allowed(i, type) || mayIssue(seat, type, i)) continue;
    return planFor((type === 'rule' ? 'dispatch' : type) as BoardKey, i, seat);
  }
  return null;
}

export function planFor(key: BoardKey, i: Incident, seat: Actor): Plan {
  switch (key) {
    case 'triage':
      // a new report is triaged and dispatched from one confirmation
      return planOf('triage', i, seat, () => ({ kind: 'decide', triage: true, dispatch: true }));
    case 'dispatch':
      if (allowed(i, 'triage')) return planFor('triage', i, seat);
      if (allowed(i, 'rule'))
        return planOf('rule', i, seat, () => ({ kind: 'ask', field: 'ruling', type: 'rule', confirm: true }));
      return planOf('dispatch', i, seat, () => ({ kind: 'decide', triage: false, dispatch: true }));
    case 'accept':
      return planOf('accept', i, seat, () => ({
        kind: 'send',
        command: { type: 'accept', departmentId: i.leadDepartmentId ?? '' },
      }));
    case 'arrive':
      return planOf('arrive', i, seat, () => ({ kind: 'send', command: { type: 'arrive' } }));
    case 'return':
      return planOf('return', i, seat, () => ({ kind: 'ask', field: 'reason', type: 'return', confirm: false }));
    case 'consult':
      return planOf('consult', i, seat, () => ({ kind: 'ask', field: 'note', type: 'consult', confirm: false }));
    case 'escalate':
      return planOf('escalate', i, seat, () => ({ kind: 'ask', field: 'note', type: 'escalate', confirm: false }));
    case 'note':
      return planOf('note', i, seat, () => ({ kind: 'ask', field: 'note', type: 'note', confirm: false }));
    case 'resolve':
      return planOf('resolve', i, seat, () => ({ kind: 'resolve' }));
    case 'amend':
      return planOf('amend', i, seat, () => ({ kind: 'amend' }));
    case 'verify':
      return planOf('verify', i, seat, () => ({ kind: 'confirm', command: { type: 'verify', passed: true } }));
    case 'evaluate':
      return planOf('evaluate', i, seat, () => ({ kind: 'evaluate' }));
    case 'cancel':
      return planOf('cancel', i, seat, () => ({ kind: 'cancel' }));
    default:
      return { kind: 'unavailable', why: 'state', type: 'note', status: i.status };
  }
}

/** The command an 'ask' plan sends with the officer's words. */
export function buildAsked(
  type: CommandType,
  i: Incident,
  text: string,
  lead: string | null,
  assist: string[],
): Command {
  switch (type) {
    case 'return':
      return { type: 'return', departmentId: i.leadDepartmentId ?? '', reason: text };
    case 'rule':
      return {
        type: 'rule',
        leadDepartmentId: lead ?? i.leadDepartmentId ?? '',
        assistDepartmentIds: assist,
        ruling: text,
      };
    case 'consult':
    case 'escalate':
      return { type, note: text };
    default:
      return { type: 'note', text };
  }
}
