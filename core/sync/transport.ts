/**
 * Where bundles travel when a connection exists: a folder (USB stick, mapped network share) or a WebDAV
 * server (Nextcloud, Apache, nginx). Each office has its own folder, named by its ASCII name; a sender
 * writes into the recipient's folder and each office reads its own.
 */
export interface Transport {
  readonly label: string;
  /** Writes under a temporary name, moves into place, and checks the result; throws on any doubt. */
  send(recipientFolder: string, fileName: string, bytes: Buffer, onProgress?: TransferProgress): Promise<void>;
  list(ownFolder: string): Promise<string[]>;
  fetch(ownFolder: string, fileName: string, onProgress?: TransferProgress): Promise<Buffer>;
  remove(ownFolder: string, fileName: string): Promise<void>;
}

/** Bytes moved so far of a total (0 when unknown), for the "Gửi, nhận" screen. */
export type TransferProgress = (done: number, total: number) => void;

export const BUNDLE_NAME = /^[\w.-]+\.dvb$/;

/**
 * The name a bundle is written under until complete. Not `.part`: Nextcloud and ownCloud refuse uploads
 * ending in `.part` (their own temp name). It does not end in .dvb, so no inbox ever lists it.
 */
export const uploadName = (fileName: string) => `${fileName}.tam`;
