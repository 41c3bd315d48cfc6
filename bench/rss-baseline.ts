/** The memory floor: Node with better-sqlite3 reading the same data file's plans and reports, nothing else. */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const db = new BetterSqlite3(path.join(process.argv[2]!, 'danvan.sqlite'), { readonly: true });
let n = 0;
for (const table of ['plan', 'report', 'report_revision']) {
  for (const row of db.prepare(`SELECT * FROM ${table}`).iterate()) n += JSON.parse((row as { content_json: string }).content_json) ? 1 : 0;
}
db.close();
process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, rows: n }));
