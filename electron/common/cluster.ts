// Grid clustering for the risk map when zoomed out: pure, so it is tested here and the renderer only draws.

export interface Cluster {
  lon: number;
  lat: number;
  count: number;
  /** most severe level index present (0 = major) */
  worstLevel: number;
  /** counts per level index */
  levels: [number, number, number, number];
}

/**
 * Cell size in degrees for a camera height, or null when points should be drawn one by one. Cells
 * stay about 55–70 px across on a wall display, so cluster markers and town names have room.
 */
export function clusterCellDeg(cameraHeightM: number): number | null {
  if (!Number.isFinite(cameraHeightM) || cameraHeightM < 25_000) return null;
  if (cameraHeightM < 40_000) return 0.02;
  if (cameraHeightM < 70_000) return 0.04;
  if (cameraHeightM < 150_000) return 0.08;
  if (cameraHeightM < 400_000) return 0.2;
  return 0.5;
}

export function clusterPoints(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  level: ArrayLike<number>,
  cellDeg: number,
  include: (i: number) => boolean = () => true,
): Cluster[] {
  if (!(cellDeg > 0)) throw new Error(`cellDeg must be positive, got ${cellDeg}`);
  const cells = new Map<string, { sx: number; sy: number; c: Cluster }>();
  for (let i = 0; i < lon.length; i++) {
    if (!include(i)) continue;
    const key = `${Math.floor(lon[i] / cellDeg)}:${Math.floor(lat[i] / cellDeg)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { sx: 0, sy: 0, c: { lon: 0, lat: 0, count: 0, worstLevel: 3, levels: [0, 0, 0, 0] } };
      cells.set(key, cell);
    }
    cell.sx += lon[i];
    cell.sy += lat[i];
    cell.c.count++;
    const lv = Math.max(0, Math.min(3, level[i]));
    cell.c.levels[lv]++;
    if (lv < cell.c.worstLevel) cell.c.worstLevel = lv;
  }
  const out: Cluster[] = [];
  for (const { sx, sy, c } of cells.values()) out.push({ ...c, lon: sx / c.count, lat: sy / c.count });
  // stable order: biggest first, then west to east
  return out.sort((a, b) => b.count - a.count || a.lon - b.lon || a.lat - b.lat);
}

/** Marker size for a cluster: grows with the logarithm of its count, within bounds. */
export function clusterPixelSize(count: number): number {
  return Math.min(34, Math.round(10 + 3 * Math.log2(Math.max(1, count))));
}
