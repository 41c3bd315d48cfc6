import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for faults of the line that no server config makes:
 * - `pass` forwards;
 * - `silent` accepts and never answers a byte (a stalled link);
 * - `cutUpload` forwards until a PUT has sent `afterBytes` of its body, then cuts both sides (a connection
 *   lost mid-upload); `stallUpload` forwards as much, then takes the rest and carries none of it (a line
 *   that stops under an upload, the sender's system none the wiser);
 * - `stallDownload` forwards `afterBytes` of the answer to a GET, then nothing more, the connection left
 *   open (a link that stops in the middle of a download);
 * - `slowUpload` carries what the client sends at `bytesPerSecond` (a slow uplink; nginx's limit_rate only
 *   slows answers).
 */
export type ProxyMode = 'pass' | 'silent' | 'cutUpload' | 'stallUpload' | 'stallDownload' | 'slowUpload';

export interface ProxyOptions {
  afterBytes?: number;
  bytesPerSecond?: number;
}

export async function startFaultyProxy(targetPort: number, mode: ProxyMode, options: ProxyOptions = {}) {
  const { afterBytes = 4096, bytesPerSecond = 64 * 1024 } = options;
  const state = { mode, cuts: 0, stalls: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (state.mode === 'silent') return void client.resume(); // reads and discards, answers nothing
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());

    let getAnswered = -1; // bytes of a GET's answer forwarded so far (stallDownload), -1 before a GET
    upstream.on('data', (chunk: Buffer) => {
      if (state.mode === 'stallDownload' && getAnswered >= 0) {
        const before = getAnswered;
        getAnswered += chunk.length;
        if (getAnswered > afterBytes) {
          if (before < afterBytes) client.write(chunk.subarray(0, afterBytes - before));
          if (before <= afterBytes) state.stalls += 1; // the moment the line stops
          return; // the rest is swallowed: the client waits for bytes that never come
        }
      }
      if (!client.write(chunk)) {
        upstream.pause();
        client.once('drain', () => upstream.resume());
      }
    });

    let putSeen = -1; // bytes forwarded since a PUT began on this connection
    client.on('data', (chunk: Buffer) => {
      if (state.mode === 'stallDownload' && chunk.subarray(0, 4).toString('latin1') === 'GET ') getAnswered = 0;
      if (state.mode === 'cutUpload' || state.mode === 'stallUpload') {
        if (putSeen < 0 && chunk.includes('PUT /')) putSeen = 0;
        if (putSeen > afterBytes) return; // stalled: taken, never carried
        if (putSeen >= 0 && putSeen + chunk.length > afterBytes) {
          state.cuts += 1; // what fits goes through, then the line drops or stops
          const fits = chunk.subarray(0, afterBytes - putSeen);
          putSeen += chunk.length;
          if (state.mode === 'stallUpload') return void upstream.write(fits);
          upstream.write(fits, () => upstream.destroy());
          return void client.destroy();
        }
        if (putSeen >= 0) putSeen += chunk.length;
      }
      if (state.mode === 'slowUpload') {
        // what arrived is sent on after the time the line would take to carry it; the client waits meanwhile
        client.pause();
        upstream.write(chunk);
        return void setTimeout(() => client.resume(), (chunk.length / bytesPerSecond) * 1000);
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/danvan`,
    state,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
