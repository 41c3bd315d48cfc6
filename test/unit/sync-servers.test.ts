import { afterAll, beforeAll, describe, it } from 'vitest';
import { startApache } from '../helpers/servers/apache';
import { startNginx } from '../helpers/servers/nginx';
import type { DavServer } from '../helpers/servers/process';
import { startRclone } from '../helpers/servers/rclone';
import { exchangeOverServer } from '../helpers/sync-offices';

// Each exchange is about 14 sync rounds and 4 hand imports between two installations: measured 17–34 s
// per server with both cores busy (load 18–20); 150 s leaves room.
const EXCHANGE_BUDGET = 150_000;

describe.each([
  ['nginx (dav + dav_ext)', startNginx],
  ['Apache httpd (mod_dav_fs)', startApache],
  ['rclone serve webdav', startRclone],
] as const)('the whole exchange through %s', (_name, start) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.stop());

  it('sends the plan down, the report up, the return and every receipt, starting from an empty server', async () => {
    const offices = await exchangeOverServer(server);
    await offices.close();
  }, EXCHANGE_BUDGET);
});
