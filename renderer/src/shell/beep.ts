// One synthesised beep (no audio files) on a shared AudioContext, for the board's arrival tones and the
// alarm tones. Browsers start audio only after the officer has touched the page: `audio()` answers null
// where there is no Web Audio at all, and callers report whether the context is running.
let ctx: AudioContext | null = null;

export function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
  return ctx;
}

/** A tone at `freq` Hz from `at` (context seconds) for `durS`, with a quick attack and an exponential fall. */
export function beep(ac: AudioContext, at: number, freq: number, durS: number, gain: number, wave: OscillatorType) {
  const osc = ac.createOscillator();
  const g = ac.createGain();
  osc.type = wave;
  osc.frequency.setValueAtTime(freq, at);
  g.gain.setValueAtTime(0.0001, at);
  g.gain.exponentialRampToValueAtTime(gain, at + 0.02);
  g.gain.exponentialRampToValueAtTime(0.0001, at + durS);
  osc.connect(g).connect(ac.destination);
  osc.start(at);
  osc.stop(at + durS + 0.05);
}
