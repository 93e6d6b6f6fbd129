// First-start progress on the terminal: one bar per phase with its own count, redrawn in place on a
// terminal, a line per tenth elsewhere (logs, CI), so a long first start shows it is alive.
import type { SeedProgress } from '../../common/dto';

const NAMES: Record<string, string> = {
  reference: '镇街、部门、风险类别与预案',
  'risk-points': '风险点位',
  cameras: '视频点位',
  sensors: '感知设备',
  incidents: '历史事件（一个季度）',
};

export function bar(p: Pick<SeedProgress, 'step' | 'done' | 'total'>, width = 24): string {
  const share = p.total ? Math.min(1, p.done / p.total) : 0;
  const full = Math.round(share * width);
  const pct = Math.floor(share * 100);
  const name = NAMES[p.step] ? ` ${NAMES[p.step]}` : '';
  return `[seed] ${p.step}${name} ${'█'.repeat(full)}${'░'.repeat(width - full)} ${pct}% (${p.done}/${p.total})`;
}

export function seedLogger(
  log: (l: string) => void,
  next: (p: SeedProgress) => void,
  tty: { write(s: string): void } | null = null,
): (p: SeedProgress) => void {
  let last = '';
  let step = '';
  return (p) => {
    next(p);
    if (p.phase !== 'seeding' || p.step === 'generate') return;
    if (tty) {
      if (step && step !== p.step) tty.write('\n');
      step = p.step;
      tty.write(`\r${bar(p)}`);
      if (p.done >= p.total) {
        tty.write('\n');
        step = '';
      }
      return;
    }
    const key = `${p.step}:${Math.floor((10 * p.done) / Math.max(1, p.total))}`;
    if (key === last) return;
    last = key;
    log(bar(p));
  };
}
