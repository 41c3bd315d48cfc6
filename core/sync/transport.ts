/**
 * Where bundles travel when a connection exists: a folder (USB stick, mapped network share) or a WebDAV
 * server (Nextcloud, Apache, nginx). Each office has its own folder, named by its ASCII name; a sender
 * writes into the recipient's folder and each office reads its own.
 */
export interface Transport {
  readonly label: string;
  /** Writes under a temporary name, moves into place, and checks the result; throws on any doubt. */
  send(recipientFolder: string, fileName: string, bytes: Buffer): Promise<void>;
  list(ownFolder: string): Promise<string[]>;
  fetch(ownFolder: string, fileName: string): Promise<Buffer>;
  remove(ownFolder: string, fileName: string): Promise<void>;
}

export const BUNDLE_NAME = /^[\w.-]+\.dvb$/;
