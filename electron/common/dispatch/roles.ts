// Who may issue which command. The duty seat triages, dispatches and closes the loop; a department's
// liaison accepts, returns, reports arrival and resolution for its own department; only a leader
// rules on an escalated dispute; a field commander notes, attaches, corrects and reports arrival from the
// scene; the wall seat and the account administrator change nothing. Pure, so the board offers only what
// the seat may do.
import type { Actor, CommandType, Incident } from './types';

type Role = Actor['role'];
const DUTY: Role[] = ['officer', 'supervisor'];

export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  acknowledge: DUTY,
  triage: DUTY,
  amend: [...DUTY, 'department', 'field'],
  attach: [...DUTY, 'department', 'leader', 'field'],
  note: [...DUTY, 'department', 'leader', 'field'],
  dispatch: DUTY,
  cancel: DUTY,
  consult: DUTY,
  escalate: DUTY,
  verify: DUTY,
  evaluate: DUTY,
  accept: ['department'],
  return: ['department'],
  resolve: ['department'],
  // the unit on scene reports it; the duty seat may record it when the unit radios in
  arrive: ['department', ...DUTY, 'field'],
  rule: ['leader'],
};

/** Commands a department liaison may issue only for the incident's lead department. */
const LEAD_ONLY: readonly CommandType[] = ['accept', 'return', 'resolve', 'arrive'];

/** Null when the actor may issue the command on this incident, otherwise why not. */
export function mayIssue(actor: Actor, type: CommandType, i: Pick<Incident, 'leadDepartmentId'>): string | null {
  if (actor.role === 'system') return null; // platforms and the season loader speak for their source
  if (!COMMAND_ROLES[type].includes(actor.role)) {
    return `${type} is for ${COMMAND_ROLES[type].join(' or ')}, not ${actor.role}`;
  }
  if (actor.role === 'department' && LEAD_ONLY.includes(type) && actor.departmentId !== i.leadDepartmentId) {
    return `only the lead department (${i.leadDepartmentId}) may ${type} this incident`;
  }
  return null;
}
