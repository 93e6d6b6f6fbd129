import { describe, expect, it } from 'vitest';
import { ageParts } from '../../../../../renderer/src/features/field/age';
import { formatBytes, formatDuration } from '../../../../../renderer/src/features/layers/format';

describe('how old the laptop data is, and sizes and durations', () => {
  it('reads in minutes, then hours, then days', () => {
    expect(ageParts(0)).toEqual({ n: 0, unit: 'minutes' });
    expect(ageParts(119 * 60_000)).toEqual({ n: 119, unit: 'minutes' });
    expect(ageParts(120 * 60_000)).toEqual({ n: 2, unit: 'hours' });
    expect(ageParts(47 * 3_600_000)).toEqual({ n: 47, unit: 'hours' });
    expect(ageParts(49 * 3_600_000)).toEqual({ n: 2, unit: 'days' });
    expect(ageParts(-5_000)).toEqual({ n: 0, unit: 'minutes' });
  });

  it('formats bytes and clock-like durations without words', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(13_278_390)).toBe('12.7 MB');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(200)).toBe('3:20');
    expect(formatDuration(3_920)).toBe('1:05:20');
  });
});
