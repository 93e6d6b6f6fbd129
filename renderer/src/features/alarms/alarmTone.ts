// Alarm tones by priority, synthesised: urgent is a fast rising triple, high a double,
// medium a single soft tone; an escalated alarm sounds louder and lower so the second seat can tell it
// apart. Browsers start audio only after the officer has touched the page; the panel counts what it asked
// to play (data-tones), so the sound can be checked without speakers.
import type { AlarmPriority } from '../../../../electron/common/alarms/types';
import { audio, beep } from '../../shell/beep';

const PATTERNS: Record<Exclude<AlarmPriority, 'low'>, number[]> = {
  urgent: [988, 1175, 1397],
  high: [880, 880],
  medium: [660],
};

/** Plays the tone for a priority; returns false when this page may not play sound yet. */
export function playAlarmTone(priority: AlarmPriority, loud: boolean): boolean {
  if (priority === 'low') return false;
  const ac = audio();
  if (!ac) return false;
  const t = ac.currentTime + 0.01;
  const gain = loud ? 0.5 : 0.18;
  PATTERNS[priority].forEach((f, k) => beep(ac, t + k * 0.2, loud ? f * 0.75 : f, 0.16, gain, 'square'));
  return ac.state === 'running';
}
