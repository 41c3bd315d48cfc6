import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for faults no server config makes:
 * `pass` forwards; `silent` accepts and never answers a byte (a stalled link); `cutUpload` forwards
 * until a PUT has sent `afterBytes` of its body, then cuts both sides (a connection lost mid-upload).
 */
export type ProxyMode = 'pass' | 'silent' | 'cutUpload';

export async function startFaultyProxy(targetPort: number, mode: ProxyMode, afterBytes = 4096) {
  const state = { mode, cuts: 0 };
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
    upstream.pipe(client);
    let putSeen = -1; // bytes forwarded since a PUT began on this connection
    client.on('data', (chunk: Buffer) => {
      if (state.mode === 'cutUpload') {
        if (putSeen < 0 && chunk.includes('PUT /')) putSeen = 0;
        if (putSeen >= 0 && putSeen + chunk.length > afterBytes) {
          state.cuts += 1; // what fits goes through, then the line drops
          upstream.write(chunk.subarray(0, afterBytes - putSeen), () => upstream.destroy());
          return void client.destroy();
        }
        if (putSeen >= 0) putSeen += chunk.length;
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
