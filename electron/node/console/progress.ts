// First-start progress on the terminal: one line per phase step of 10 %, so a long seed shows it is alive.
import type { SeedProgress } from '../../common/dto';

export function seedLogger(log: (l: string) => void, next: (p: SeedProgress) => void): (p: SeedProgress) => void {
  let last = '';
  return (p) => {
    next(p);
    if (p.phase !== 'seeding') return;
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 0;
    const key = `${p.step}:${Math.floor(pct / 10)}`;
    if (key === last) return;
    last = key;
    log(`[seed] ${p.step} ${pct}% (${p.done}/${p.total})`);
  };
}
