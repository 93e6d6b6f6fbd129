// Alarm tones by priority, synthesised (no audio files): urgent is a fast rising triple, high a double,
// medium a single soft tone; an escalated alarm sounds louder and lower so the second seat can tell it
// apart. Browsers start audio only after the officer has touched the page; the panel counts what it asked
// to play (data-tones), so the sound can be checked without speakers.
import type { AlarmPriority } from '../../../../electron/common/alarms/types';

let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
  return ctx;
}

function beep(ac: AudioContext, at: number, freq: number, durS: number, gain: number): void {
  const osc = ac.createOscillator();
  const g = ac.createGain();
  osc.type = 'square';
  osc.frequency.setValueAtTime(freq, at);
  g.gain.setValueAtTime(0.0001, at);
  g.gain.exponentialRampToValueAtTime(gain, at + 0.02);
  g.gain.exponentialRampToValueAtTime(0.0001, at + durS);
  osc.connect(g).connect(ac.destination);
  osc.start(at);
  osc.stop(at + durS + 0.05);
}

const PATTERNS: Record<Exclude<AlarmPriority, 'low'>, number[]> = {
  urgent: [988, 1175, 1397],
  high: [880, 880],
  medium: [660],
};

/** Plays the tone for a priority; returns false when this page may not play sound yet. */
export function playAlarmTone(priority: AlarmPriority, loud: boolean): boolean {
  if (priority === 'low') return false;
  const ac = context();
  if (!ac) return false;
  const t = ac.currentTime + 0.01;
  const gain = loud ? 0.5 : 0.18;
  PATTERNS[priority].forEach((f, k) => beep(ac, t + k * 0.2, loud ? f * 0.75 : f, 0.16, gain));
  return ac.state === 'running';
}
