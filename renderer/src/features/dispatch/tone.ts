// Arrival tones, synthesised (no audio files): a soft double chime for a report, three sharp rising
// beeps for an emergency. Browsers start audio only after the officer has touched the page; the
// board counts what it asked to play (data-tones) so the sound can be checked without speakers.
export type ToneKind = 'report' | 'emergency';

let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
  return ctx;
}

function beep(ac: AudioContext, at: number, freq: number, durS: number, gain: number) {
  const osc = ac.createOscillator();
  const g = ac.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(freq, at);
  g.gain.setValueAtTime(0.0001, at);
  g.gain.exponentialRampToValueAtTime(gain, at + 0.02);
  g.gain.exponentialRampToValueAtTime(0.0001, at + durS);
  osc.connect(g).connect(ac.destination);
  osc.start(at);
  osc.stop(at + durS + 0.05);
}

/** Plays the tone for an arrival; returns false when this page may not play sound yet. */
export function playTone(kind: ToneKind): boolean {
  const ac = context();
  if (!ac) return false;
  const t = ac.currentTime + 0.01;
  if (kind === 'emergency') [880, 1046, 1318].forEach((f, k) => beep(ac, t + k * 0.22, f, 0.18, 0.35));
  else [660, 880].forEach((f, k) => beep(ac, t + k * 0.18, f, 0.25, 0.15));
  return ac.state === 'running';
}
