// Arrival tones, synthesised: a soft double chime for a report, three sharp rising beeps for an
// emergency. The board counts what it asked to play (data-tones) so the sound can be checked without
// speakers.
import { audio, beep } from '../../shell/beep';

export type ToneKind = 'report' | 'emergency';

/** Plays the tone for an arrival; returns false when this page may not play sound yet. */
export function playTone(kind: ToneKind): boolean {
  const ac = audio();
  if (!ac) return false;
  const t = ac.currentTime + 0.01;
  if (kind === 'emergency') [880, 1046, 1318].forEach((f, k) => beep(ac, t + k * 0.22, f, 0.18, 0.35, 'sine'));
  else [660, 880].forEach((f, k) => beep(ac, t + k * 0.18, f, 0.25, 0.15, 'sine'));
  return ac.state === 'running';
}
