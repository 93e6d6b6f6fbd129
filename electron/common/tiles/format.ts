// What a tile's bytes are, from their first bytes (servers and MBTiles metadata are not always right).
export type TileFormat = 'png' | 'jpg' | 'webp' | 'pbf';

export const CONTENT_TYPES: Record<TileFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

export function sniffTile(b: Uint8Array): TileFormat | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (
    b.length >= 12 &&
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45
  )
    return 'webp';
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'pbf';
  return null;
}

/** An MBTiles `format` metadata value as one of ours ('jpeg' and 'jpg' both occur). */
export function normaliseFormat(v: string | undefined | null): TileFormat | null {
  const f = (v ?? '').toLowerCase().trim();
  if (f === 'png' || f === 'image/png') return 'png';
  if (f === 'jpg' || f === 'jpeg' || f === 'image/jpeg') return 'jpg';
  if (f === 'webp' || f === 'image/webp') return 'webp';
  if (f === 'pbf' || f === 'mvt') return 'pbf';
  return null;
}

/** Average bytes of a tile when nothing of the source has been seen yet (conservative, so estimates overshoot). */
export const DEFAULT_TILE_BYTES: Record<'base' | 'overlay' | 'imagery', number> = {
  base: 18_000,
  overlay: 8_000,
  imagery: 30_000,
};
