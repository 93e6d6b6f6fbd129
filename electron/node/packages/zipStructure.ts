// The zip's own bookkeeping checked against itself: the central directory must describe exactly the
// local entries, in place, with the same name, method (stored), flags, dates, sizes and CRC-32, with the
// values this console writes where only it records something, and nothing may follow the end record.
// With each entry's CRC-32 and SHA-256 checked too, a byte changed anywhere in a package is found, and
// the refusal names the entry it belongs to (tests/unit/node/packages flips every byte of one).
import zlib from 'node:zlib';
import { ServiceError } from '../../common/errors';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** 'version made by' as fflate writes it (zip 2.0, MS-DOS attributes) */
const MADE_BY = 20;

const refuse = (what: string, entry: string | null = null) =>
  new ServiceError('rejected', `package refused: ${what}`, { field: 'body', entry });

export interface ZipIndex {
  /** CRC-32 of each entry's uncompressed bytes, as the central directory records it */
  crc: Map<string, number>;
}

export function checkZipStructure(zip: Uint8Array): ZipIndex {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (end < 0 || dv.getUint32(end, true) !== END) {
    throw refuse('the zip end record is missing or damaged (packages carry no zip comment)');
  }
  if (dv.getUint16(end + 20, true) !== 0)
    throw refuse('the zip end record is damaged (a comment length where none is)');
  const count = dv.getUint16(end + 10, true);
  const cdSize = dv.getUint32(end + 12, true);
  const cdOffset = dv.getUint32(end + 16, true);
  if (dv.getUint16(end + 8, true) !== count || dv.getUint16(end + 4, true) !== 0 || dv.getUint16(end + 6, true) !== 0) {
    throw refuse('the zip end record is damaged (entry counts or disk numbers)');
  }
  if (cdOffset + cdSize !== end) throw refuse('the zip central directory does not end where the end record starts');
  const crc = new Map<string, number>();
  const dec = new TextDecoder();
  let p = cdOffset;
  let expectLocal = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || dv.getUint32(p, true) !== CENTRAL)
      throw refuse(`the zip central directory is damaged at entry ${k + 1}`);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const name = dec.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const at = dv.getUint32(p + 42, true);
    if (at !== expectLocal || at + 30 > cdOffset || dv.getUint32(at, true) !== LOCAL) {
      throw refuse(`entry ${name} is not where the central directory says (the zip is damaged)`, name);
    }
    // version needed, flags, method, time, date, CRC-32, sizes, name length: the same in both headers
    for (const [c, l, n] of [
      [6, 4, 2],
      [8, 6, 2],
      [10, 8, 2],
      [12, 10, 2],
      [14, 12, 2],
      [16, 14, 4],
      [20, 18, 4],
      [24, 22, 4],
      [28, 26, 2],
    ]) {
      const a = n === 2 ? dv.getUint16(p + c, true) : dv.getUint32(p + c, true);
      const b = n === 2 ? dv.getUint16(at + l, true) : dv.getUint32(at + l, true);
      if (a !== b) throw refuse(`entry ${name} has headers that disagree (the zip is damaged)`, name);
    }
    const localName = dec.decode(zip.subarray(at + 30, at + 30 + nameLen));
    if (localName !== name)
      throw refuse(`entry ${name} has headers that disagree on its name (the zip is damaged)`, name);
    // what this console's writer puts in the fields only the central directory has: any other value is a change
    if (
      dv.getUint16(p + 4, true) !== MADE_BY ||
      dv.getUint16(p + 34, true) !== 0 ||
      dv.getUint16(p + 36, true) !== 0 ||
      dv.getUint32(p + 38, true) !== 0
    ) {
      throw refuse(
        `entry ${name} has a central directory record this console does not write (the zip is damaged)`,
        name,
      );
    }
    if (dv.getUint16(p + 10, true) !== 0) throw refuse(`entry ${name} is compressed; package entries are stored`, name);
    if (dv.getUint16(p + 8, true) & 0x0008)
      throw refuse(`entry ${name} uses a data descriptor, which packages do not`, name);
    const localExtra = dv.getUint16(at + 28, true);
    expectLocal = at + 30 + nameLen + localExtra + dv.getUint32(p + 20, true);
    crc.set(name, dv.getUint32(p + 16, true));
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (p !== end) throw refuse('the zip central directory has bytes no entry accounts for');
  if (expectLocal !== cdOffset) throw refuse('the zip has bytes between its last entry and its central directory');
  return { crc };
}

export function checkCrc(index: ZipIndex, name: string, data: Uint8Array): void {
  const want = index.crc.get(name);
  if (want === undefined) throw refuse(`entry ${name} is not in the zip central directory`, name);
  if (zlib.crc32(data) >>> 0 !== want)
    throw refuse(`entry ${name} does not match its CRC-32 (changed or damaged)`, name);
}
