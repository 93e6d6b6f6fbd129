// A cluster's marker: a ring whose arcs show how many of its points are of each level (red, orange,
// yellow, blue clockwise from the top), with the count inside. Drawn once per size, mix (shares
// rounded to sixteenths) and count, and handed to Cesium under that key, so its texture atlas keeps
// one copy however often the clusters are rebuilt.
import { LEVEL_COLOURS, RISK_LEVELS } from '../../../../electron/common/levels';

const cache = new Map<string, HTMLCanvasElement>();

export function mixRing(
  levels: readonly number[],
  size: number,
  count: number,
): { key: string; image: HTMLCanvasElement } {
  const total = levels.reduce((a, b) => a + b, 0) || 1;
  const shares = levels.map((n) => Math.round((16 * n) / total));
  // a level present keeps at least a sliver, so a single major point is never rounded away
  levels.forEach((n, k) => {
    if (n > 0 && shares[k] === 0) shares[k] = 1;
  });
  const key = `ring:${size}:${shares.join(',')}:${count}`;
  const hit = cache.get(key);
  if (hit) return { key, image: hit };
  const canvas = document.createElement('canvas');
  const px = Math.ceil(size * (globalThis.devicePixelRatio || 1));
  canvas.width = canvas.height = px;
  const g = canvas.getContext('2d')!;
  const r = px / 2;
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  let a0 = -Math.PI / 2;
  shares.forEach((s, k) => {
    if (!s) return;
    const a1 = a0 + (2 * Math.PI * s) / sum;
    g.beginPath();
    g.moveTo(r, r);
    g.arc(r, r, r - 1, a0, a1);
    g.closePath();
    g.fillStyle = LEVEL_COLOURS[RISK_LEVELS[k]];
    g.fill();
    a0 = a1;
  });
  g.beginPath();
  g.arc(r, r, r * 0.62, 0, 2 * Math.PI);
  g.fillStyle = '#05101c';
  g.fill();
  g.lineWidth = Math.max(1, px / 28);
  g.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  g.beginPath();
  g.arc(r, r, r - g.lineWidth / 2, 0, 2 * Math.PI);
  g.stroke();
  if (count > 1) {
    const text = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
    g.font = `bold ${Math.round(px * (text.length > 3 ? 0.26 : 0.32))}px sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillStyle = '#ffffff';
    g.fillText(text, r, r + px * 0.02);
  }
  if (cache.size > 2_000) cache.clear();
  cache.set(key, canvas);
  return { key, image: canvas };
}
