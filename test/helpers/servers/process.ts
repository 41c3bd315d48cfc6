import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A WebDAV server a test started: its address (the folder the app is configured with) and how to stop it. */
export interface DavServer {
  /** http://127.0.0.1:<port>/danvan — the folder itself does not exist yet: the client creates it. */
  url: string;
  port: number;
  /** Where the server keeps its files (the test reads them directly). */
  root: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export const DAV_USER = 'xa';
export const DAV_PASSWORD = 'matkhau';

/** Run as root (CI containers), the servers' workers drop to nobody, who must read and write these folders. */
const asRoot = process.getuid?.() === 0;
export const workerUser = (directive: (user: string, group: string) => string) => (asRoot ? directive('nobody', 'nogroup') : '');

/**
 * Whether a test may mount a file system of its own here: in a user and mount namespace (`unshare -rm`),
 * which Linux allows an ordinary user and root alike where the kernel permits user namespaces.
 */
export const CAN_MOUNT = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'true']).status === 0;

/**
 * `command args` started with `folder` on a tmpfs of `bytes` (a small disk that really fills up), in a mount
 * namespace of its own: the tmpfs exists only for that process and goes with it. Inside, the process is root
 * of its namespace (the user the test runs as, outside). Its files are seen from outside through
 * /proc/PID/root (`seenFromOutside`).
 */
export function onSmallDisk(bytes: number, folder: string, command: string, args: string[]): [string, string[]] {
  return ['unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size="$1" tmpfs "$2" && shift 2 && exec "$@"', 'sh', String(bytes), folder, command, ...args]];
}

/** A path inside a started process's own mount namespace, as the test reads and writes it from outside. */
export const seenFromOutside = (child: ChildProcess, folder: string) => `/proc/${child.pid}/root${folder}`;

/** A folder of the server's own (config, pid, logs, temp files, or the files it serves), removed when the server stops. */
export function serverDir(kind: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `danvan-${kind}-`));
  if (asRoot) fs.chmodSync(dir, 0o777);
  return dir;
}

/** A port nothing listens on right now (the kernel's choice; the server binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One htpasswd line both nginx and Apache read ({SHA}: no external tool needed to make it). */
export const htpasswdLine = (user: string, password: string): string => `${user}:{SHA}${crypto.createHash('sha1').update(password).digest('base64')}\n`;

/** Servers still running when the test process ends (a failed test skips its stop) are killed with it. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a server in the foreground, as the current user; resolves once it answers HTTP on the port. */
export async function startProcess(command: string, args: string[], port: number, dir: string, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const log = fs.openSync(path.join(dir, 'process.log'), 'a');
  const child = spawn(command, args, { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
  fs.closeSync(log);
  let exited: number | null = null;
  running.add(child);
  child.on('exit', (code) => {
    exited = code ?? -1;
    running.delete(child);
  });
  const deadline = Date.now() + 20_000; // a busy machine: nginx answers in ~50 ms, rclone in ~1 s
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${command} exited (${exited}): ${fs.readFileSync(path.join(dir, 'process.log'), 'utf8')}`);
    if (await answers(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${command} did not answer on port ${port}: ${fs.readFileSync(path.join(dir, 'process.log'), 'utf8')}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Stops a server it started (by its own child process, never by name) and waits for the port to close. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A started server as the tests see it: its address under /danvan, its test account, and a stop that removes its folders. */
export function davServer(child: ChildProcess, port: number, dir: string, root: string, stopSignal: NodeJS.Signals = 'SIGTERM'): DavServer {
  return {
    url: `http://127.0.0.1:${port}/danvan`,
    port,
    root,
    user: DAV_USER,
    password: DAV_PASSWORD,
    async stop() {
      await stopProcess(child, stopSignal);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
