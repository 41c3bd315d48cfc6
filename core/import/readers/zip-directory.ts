export interface ZipEntrySize {
  name: string;
  /** Bytes in the file. */
  packed: number;
  /** Bytes once inflated, as the entry declares (a hostile file may lie; the worker's limits catch that). */
  size: number;
}

const END = 0x06054b50;
const END64_LOCATOR = 0x07064b50;
const END64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

/**
 * The entries a zip's central directory declares, read without inflating anything (zip64 sizes
 * included); null when there is no directory to read. Stops at the first damaged record, so a count
 * that lies costs nothing: the zip reader that follows reports the damage.
 */
export function zipDirectory(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (end >= 20 && view.getUint32(end - 20, true) === END64_LOCATOR) {
    const end64 = Number(view.getBigUint64(end - 12, true));
    if (end64 + 56 <= bytes.length && view.getUint32(end64, true) === END64) {
      count = Number(view.getBigUint64(end64 + 32, true));
      at = Number(view.getBigUint64(end64 + 48, true));
    }
  }
  const entries: ZipEntrySize[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === CENTRAL; i++) {
    let packed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // zip64: a size of 0xFFFFFFFF is in the extra field 0x0001 (uncompressed first, then compressed)
    for (let x = at + 46 + nameLength; x + 4 <= Math.min(at + 46 + nameLength + extraLength, bytes.length); ) {
      const id = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let field = x + 4;
        const next = () => {
          const value = field + 8 <= bytes.length ? Number(view.getBigUint64(field, true)) : Infinity;
          field += 8;
          return value;
        };
        if (size === MAX32) size = next();
        if (packed === MAX32) packed = next();
      }
      x += 4 + length;
    }
    entries.push({ name, packed, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
