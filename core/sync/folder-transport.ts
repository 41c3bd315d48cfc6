import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_NAME, type Transport } from './transport';

const hash = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

export function folderTransport(root: string): Transport {
  const dir = (folder: string) => path.join(root, folder.replace(/[^\w.-]/g, '_'));
  return {
    label: `Thư mục ${root}`,
    async send(recipientFolder, fileName, bytes) {
      if (!BUNDLE_NAME.test(fileName)) throw new Error('Tên tệp không hợp lệ');
      await fs.mkdir(dir(recipientFolder), { recursive: true });
      const target = path.join(dir(recipientFolder), fileName);
      const temp = `${target}.part`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, target);
      if (hash(await fs.readFile(target)) !== hash(bytes)) throw new Error('Tệp trên thư mục đích khác tệp gửi');
    },
    async list(ownFolder) {
      try {
        return (await fs.readdir(dir(ownFolder))).filter((n) => BUNDLE_NAME.test(n)).sort();
      } catch {
        return [];
      }
    },
    fetch: (ownFolder, fileName) => fs.readFile(path.join(dir(ownFolder), path.basename(fileName))),
    async remove(ownFolder, fileName) {
      await fs.rm(path.join(dir(ownFolder), path.basename(fileName)), { force: true });
    },
  };
}
