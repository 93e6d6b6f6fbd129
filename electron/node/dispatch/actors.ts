// Who a command or report is attributed to in the audit trail.
import type { Actor, IncidentReport } from '../../common/dispatch/types';

export const CONSOLE_OFFICER: Actor = { id: 'console-officer', name: '联勤值班员', role: 'officer' };

/** Who a report comes from: the platform that handed it over, or the duty officer. */
export function reportActor(r: IncidentReport): Actor {
  const who = r.reporter ? `（${r.reporter}）` : '';
  switch (r.source) {
    case 'grid':
      return { id: 'platform-141', name: `141基层智治平台${who}`, role: 'system' };
    case 'citizen':
      return { id: 'platform-citizen', name: `民呼我为平台${who}`, role: 'system' };
    case 'alert':
      return { id: 'iot-alert', name: '物联感知告警', role: 'system' };
    case 'officer':
      return CONSOLE_OFFICER;
  }
}
