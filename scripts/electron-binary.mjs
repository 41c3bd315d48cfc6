import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable if npm managed to download it, else null (this never downloads anything). */
export function electronBinary() {
  try {
    const file = require('electron');
    return typeof file === 'string' && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function electronVersion() {
  return require('electron/package.json').version;
}

export const NO_ELECTRON_MESSAGE =
  'Máy này chưa có Electron (chưa tải được bản chạy của Electron khi cài đặt), nên không mở được ứng dụng desktop; hãy dùng `npm run web` để mở ứng dụng trong trình duyệt.';
