// Which command a board key means for the selected incident. Pure: the view only asks for the text
// a command needs (a reason, a note, a summary) and sends what this returns.
import { TRANSITIONS } from '../../../../electron/common/dispatch/machine';
import type { Command, Incident } from '../../../../electron/common/dispatch/types';
import type { BoardKey } from './useBoardKeys';

export type Plan =
  | { kind: 'send'; command: Command }
  | { kind: 'ask'; field: 'reason' | 'note'; build: (text: string) => Command }
  | { kind: 'unavailable'; why: 'state' | 'lead'; command: Command['type'] | null; status: Incident['status'] };

/** `lead` is the department chosen on screen (defaults to the matched one). */
export function planFor(key: BoardKey, i: Incident, lead: string | null): Plan {
  const allowed = (type: Command['type']) => TRANSITIONS[type].from.includes(i.status);
  const no = (type: Command['type']): Plan => ({ kind: 'unavailable', why: 'state', command: type, status: i.status });
  const assist = i.assistDepartmentIds.filter((a) => a !== lead);
  switch (key) {
    case 'triage':
      return allowed('triage')
        ? { kind: 'send', command: { type: 'triage', grade: i.suggestedGrade, tier: i.tier } }
        : no('triage');
    case 'dispatch':
      if (!lead) return { kind: 'unavailable', why: 'lead', command: 'dispatch', status: i.status };
      if (allowed('dispatch'))
        return { kind: 'send', command: { type: 'dispatch', leadDepartmentId: lead, assistDepartmentIds: assist } };
      if (allowed('rule'))
        return {
          kind: 'ask',
          field: 'note',
          build: (ruling) => ({ type: 'rule', leadDepartmentId: lead, assistDepartmentIds: assist, ruling }),
        };
      return no('dispatch');
    case 'accept':
      return allowed('accept') && i.leadDepartmentId
        ? { kind: 'send', command: { type: 'accept', departmentId: i.leadDepartmentId } }
        : no('accept');
    case 'arrive':
      return allowed('arrive') ? { kind: 'send', command: { type: 'arrive' } } : no('arrive');
    case 'return':
      return allowed('return') && i.leadDepartmentId
        ? {
            kind: 'ask',
            field: 'reason',
            build: (reason) => ({ type: 'return', departmentId: i.leadDepartmentId!, reason }),
          }
        : no('return');
    case 'consult':
      return allowed('consult')
        ? { kind: 'ask', field: 'note', build: (note) => ({ type: 'consult', note }) }
        : no('consult');
    case 'escalate':
      return allowed('escalate')
        ? { kind: 'ask', field: 'note', build: (note) => ({ type: 'escalate', note }) }
        : no('escalate');
    case 'resolve':
      return allowed('resolve')
        ? { kind: 'ask', field: 'note', build: (summary) => ({ type: 'resolve', summary, evidenceCount: 1 }) }
        : no('resolve');
    case 'verify':
      return allowed('verify') ? { kind: 'send', command: { type: 'verify', passed: true } } : no('verify');
    case 'evaluate':
      return allowed('evaluate') ? { kind: 'send', command: { type: 'evaluate' } } : no('evaluate');
    case 'cancel':
      return allowed('cancel')
        ? { kind: 'ask', field: 'note', build: (note) => ({ type: 'cancel', reason: 'invalid', note }) }
        : no('cancel');
    default:
      return { kind: 'unavailable', why: 'state', command: null, status: i.status };
  }
}
