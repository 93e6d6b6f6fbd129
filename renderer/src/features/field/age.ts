// How old something is, in the largest unit that reads naturally (the words come from i18n).
export function ageParts(ms: number): { n: number; unit: 'minutes' | 'hours' | 'days' } {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 120) return { n: min, unit: 'minutes' };
  const h = Math.floor(min / 60);
  if (h < 48) return { n: h, unit: 'hours' };
  return { n: Math.floor(h / 24), unit: 'days' };
}
