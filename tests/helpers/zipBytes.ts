// Where an entry's (compressed) bytes are inside a zip, from its local file header — for tests that
// change one byte of one entry.
export function readZipEntryOffset(zip: Uint8Array, name: string): { offset: number; length: number } {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const want = new TextEncoder().encode(name);
  for (let p = 0; p + 30 <= zip.length;) {
    if (dv.getUint32(p, true) !== 0x04034b50) break;
    const size = dv.getUint32(p + 18, true);
    const nameLen = dv.getUint16(p + 26, true);
    const extraLen = dv.getUint16(p + 28, true);
    const n = zip.subarray(p + 30, p + 30 + nameLen);
    const data = p + 30 + nameLen + extraLen;
    if (n.length === want.length && n.every((b, i) => b === want[i])) return { offset: data, length: size };
    p = data + size;
  }
  throw new Error(`no entry ${name} in the zip`);
}
