// Carousel (轮巡): a camera group shown a page at a time on the wall's tiles, the page turning at a
// fixed interval. A function of (group, tiles, interval, start, now): every window agrees on the page.
export const MIN_CAROUSEL_INTERVAL_S = 5;
export const MAX_CAROUSEL_INTERVAL_S = 3_600;

export interface CarouselPage {
  page: number;
  pageCount: number;
  /** one camera id per tile (the last page wraps around to the group's start so no tile is empty) */
  cameraIds: string[];
  /** when the next page turns (ms since the epoch) */
  nextAt: number;
}

export function pageCount(groupSize: number, tiles: number): number {
  if (tiles < 1) throw new Error(`a carousel needs at least one tile, got ${tiles}`);
  return Math.max(1, Math.ceil(groupSize / tiles));
}

/** The cameras on one page; a group smaller than the wall is shown once, without repeats. */
export function carouselPageIds(group: readonly string[], tiles: number, page: number): string[] {
  const pages = pageCount(group.length, tiles);
  const p = ((page % pages) + pages) % pages;
  if (group.length <= tiles) return [...group];
  const out: string[] = [];
  for (let i = 0; i < tiles; i++) out.push(group[(p * tiles + i) % group.length]);
  return out;
}

export function carouselAt(
  group: readonly string[],
  tiles: number,
  intervalS: number,
  startedAt: number,
  now: number,
): CarouselPage {
  if (!(intervalS >= MIN_CAROUSEL_INTERVAL_S && intervalS <= MAX_CAROUSEL_INTERVAL_S)) {
    throw new Error(
      `carousel interval must be ${MIN_CAROUSEL_INTERVAL_S}..${MAX_CAROUSEL_INTERVAL_S} s, got ${intervalS}`,
    );
  }
  const ms = intervalS * 1000;
  const elapsed = Math.max(0, now - startedAt);
  const turns = Math.floor(elapsed / ms);
  const pages = pageCount(group.length, tiles);
  return {
    page: turns % pages,
    pageCount: pages,
    cameraIds: carouselPageIds(group, tiles, turns),
    nextAt: startedAt + (turns + 1) * ms,
  };
}
