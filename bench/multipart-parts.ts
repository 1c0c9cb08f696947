/**
 * bench/multipart-parts: posts a body of 600,000 tiny multipart parts to a listening server and
 * prints how long the refusal took and the longest the event loop was held at once meanwhile; then
 * the same for parsing that body, which is what the intake did before it counted the parts first.
 * One process, a throwaway SQLite database.
 *
 *   npx tsx bench/multipart-parts.ts
 *
 * Security review (issue 8, section 4): parsing held the event loop for about 0.9 s; counting the
 * parts takes under a millisecond. What stall is left comes from moving 30 MB through one process
 * (client and server both), as it would for any body of that size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../status-server/config.ts';
import { listen, startServer } from '../status-server/server.ts';

const PARTS = Number(process.env.BENCH_PARTS ?? 600_000);
const part = '--B\r\nContent-Disposition: form-data; name="x"\r\n\r\n\r\n';
const body = Buffer.from(`${part.repeat(PARTS)}--B--\r\n`);
const contentType = 'multipart/form-data; boundary=B';

/** Runs `work` and answers its time and the longest the event loop was held at once meanwhile. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  // The tick after whatever held the loop up is the one that sees the gap.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(tick);
  return { value, ms, stallMs };
}

const dir = mkdtempSync(join(tmpdir(), 'snapdesk-bench-parts-'));
const config = {
  ...loadConfig({ SNAPDESK_DATA_DIR: dir, SNAPDESK_INTAKE_PER_MINUTE: '100' }),
  sqlitePath: join(dir, 'db'),
};
const running = await startServer(config, { startWorker: false });
const server = listen(running, { port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;
try {
  const post = () =>
    fetch(`http://127.0.0.1:${port}/api/reports`, {
      method: 'POST',
      headers: { 'idempotency-key': crypto.randomUUID(), 'content-type': contentType },
      body,
    }).then(
      async (res) => `${res.status} ${((await res.json()) as { error?: { code: string } }).error?.code}`,
    );
  await post(); // warm-up: the first request also compiles the routes and makes the server's keys
  const refused = await measure(post);

  const parsed = await measure(
    async () =>
      [...(await new Response(body, { headers: { 'content-type': contentType } }).formData()).keys()].length,
  );

  const mb = (body.byteLength / 1024 / 1024).toFixed(1);
  console.log(`body: ${PARTS.toLocaleString('en')} parts, ${mb} MB`);
  console.log(
    `intake over HTTP: ${refused.value} in ${refused.ms.toFixed(0)} ms, longest event-loop stall ${refused.stallMs.toFixed(0)} ms`,
  );
  console.log(
    `parsing it instead: ${parsed.value.toLocaleString('en')} parts in ${parsed.ms.toFixed(0)} ms, longest stall ${parsed.stallMs.toFixed(0)} ms`,
  );
} finally {
  server.close();
  await running.close();
  rmSync(dir, { recursive: true, force: true });
}
