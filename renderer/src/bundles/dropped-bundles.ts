/**
 * Bundle files dropped anywhere on the window wait here until the Gửi, nhận screen takes them, so a clerk
 * can drag .dvb files from the USB stick onto the app whatever screen is open.
 */
type Listener = (files: File[]) => void;
let pending: File[] = [];
let listener: Listener | null = null;

export function offerDroppedFiles(files: File[]): boolean {
  const bundles = files.filter((f) => f.name.toLowerCase().endsWith('.dvb'));
  if (!bundles.length) return false;
  if (listener) listener(bundles);
  else pending.push(...bundles);
  return true;
}

export function takeDroppedFiles(onFiles: Listener): () => void {
  listener = onFiles;
  if (pending.length) {
    onFiles(pending);
    pending = [];
  }
  return () => {
    if (listener === onFiles) listener = null;
  };
}
