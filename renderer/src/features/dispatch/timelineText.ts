// What each event in the timeline says besides its name: every reason, note, ruling and resolution.
// Pure (a translate function is passed in), so it is unit-tested.
import type { IncidentEvent } from '../../../../electron/common/dispatch/types';
import type { MessageKey } from '../../i18n/index';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function timelineText(e: IncidentEvent, t: T, dep: (id: string) => string): string[] {
  const ev = e.event;
  switch (ev.type) {
    case 'reported':
      return [
        ev.report.reporter
          ? `${t(`source.${ev.report.source}`)} · ${ev.report.reporter}`
          : t(`source.${ev.report.source}`),
      ];
    case 'triage':
      return [
        t('timeline.grade', { g: t(`grade.${ev.grade}`), u: ev.urgency ? t(`urgency.${ev.urgency}`) : '—' }),
        ...(ev.reason ? [t('timeline.reason', { t: ev.reason })] : []),
      ];
    case 'dispatch':
    case 'rule':
      return [
        t('timeline.departments', {
          lead: dep(ev.leadDepartmentId),
          assist: ev.assistDepartmentIds.length ? ` · ${ev.assistDepartmentIds.map(dep).join('、')}` : '',
        }),
        ...(ev.type === 'rule' ? [t('timeline.ruling', { t: ev.ruling })] : []),
      ];
    case 'return':
      return [t('timeline.reason', { t: ev.reason })];
    case 'consult':
    case 'escalate':
      return [t('timeline.note', { t: ev.note })];
    case 'note':
      return [t('timeline.note', { t: ev.text })];
    case 'resolve':
      return [t('timeline.summary', { t: ev.summary })];
    case 'verify':
      return ev.passed ? [] : [t('timeline.verify.failed', { t: ev.note ?? '' })];
    case 'evaluate':
      return ev.colour ? [t('timeline.colour', { c: t(`colour.${ev.colour}`) })] : [];
    case 'cancel':
      return [t('timeline.cancel', { t: `${t(`cancel.${ev.reason}`)} · ${ev.note}` })];
    case 'amend':
      return [t('timeline.changes', { fields: Object.keys(ev.changes).join('、') })];
    case 'attach':
      return [t('timeline.evidence', { name: ev.evidence.name }), ...(ev.evidence.note ? [ev.evidence.note] : [])];
    default:
      return [];
  }
}
