import { createCanvas, loadImage } from '@napi-rs/canvas';

/**
 * A page image as a phone photo of a worn copy gives it: turned by `degrees`, a grey cast, specks of dirt
 * and toner, strong JPEG compression. Deterministic (a fixed pseudo-random sequence), so a fixture made
 * from it is the same on every machine.
 */
export async function wornPhoto(jpeg: Buffer, options: { degrees?: number; specks?: number; seed?: number; quality?: number } = {}): Promise<Buffer> {
  const { degrees = 1.5, specks = 2500, seed = 19, quality = 45 } = options;
  const page = await loadImage(jpeg);
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#e4e4e4';
  ctx.fillRect(0, 0, page.width, page.height);
  ctx.translate(page.width / 2, page.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(page, -page.width / 2, -page.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'multiply';
  ctx.fillStyle = 'rgb(225,225,225)';
  ctx.fillRect(0, 0, page.width, page.height);
  ctx.globalCompositeOperation = 'source-over';
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < specks; i++) {
    ctx.fillStyle = random() < 0.5 ? '#555' : '#fff';
    ctx.fillRect(random() * page.width, random() * page.height, 1 + random() * 2, 1 + random() * 2);
  }
  return canvas.toBuffer('image/jpeg', quality);
}
