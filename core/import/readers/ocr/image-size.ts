/**
 * An image's size in pixels read from its header, before anything decodes it: a small file can declare
 * a picture of billions of pixels (a decompression bomb), which is refused without being inflated.
 * Null when the header does not say: a broken file.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) return String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR' ? null : { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    let tables = false; // a real JPEG defines its quantisation tables (DQT) before its frame
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      if (marker === 0xdb) tables = true;
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's height and width
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return tables ? { height: view.getUint16(at + 5), width: view.getUint16(at + 7) } : null;
      at += 2 + view.getUint16(at + 2);
    }
  }
  const tiff = bytes[0] === 0x49 && bytes[1] === 0x49 ? true : bytes[0] === 0x4d && bytes[1] === 0x4d ? false : null;
  if (tiff !== null && bytes.length >= 8) return tiffSize(view, tiff);
  return null;
}

/** ImageWidth (256) and ImageLength (257) of a TIFF's first directory. */
function tiffSize(view: DataView, little: boolean): { width: number; height: number } | null {
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > view.byteLength) return null;
  const count = view.getUint16(ifd, little);
  let width = 0;
  let height = 0;
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (at + 12 > view.byteLength) return null;
    const tag = view.getUint16(at, little);
    const value = view.getUint16(at + 2, little) === 3 ? view.getUint16(at + 8, little) : view.getUint32(at + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width && height ? { width, height } : null;
}
