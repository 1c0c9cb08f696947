/**
 * bench/intake: posts reports with three ~300 KB images each to a real server process and prints the
 * server's own time from request to stored + forwarding queued (its Server-Timing header), the
 * round trip seen by the client, and the server's peak memory.
 *
 *   npm run bench:intake                 1,000 reports on SQLite
 *   BENCH_REPORTS=200 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:intake
 *
 * Target (issue 3): p99 server time ≤ 100 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng } from '../test/helpers/images.ts';
import { sampleReport } from '../test/helpers/intake.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000);
/** Reports in flight at once: a busy office's worth of extensions sending together. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_P99_MS = 100;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** A help desk that accepts every forwarded report, so forwarding runs as it would in production. */
async function webhookSink(): Promise<{ url: string; received: () => number; close(): void }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    close: () => server.close(),
  };
}

async function startServer(dataDir: string, port: number, hookUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'status-server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SNAPDESK_DATA_DIR: dataDir,
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      SNAPDESK_INTAKE_PER_MINUTE: '100000',
      SNAPDESK_FORWARD_WEBHOOK_URL: hookUrl,
      SNAPDESK_FORWARD_WEBHOOK_SECRET: `whsec_${Buffer.from('bench-secret-bench-secret-bench!').toString('base64')}`,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return child;
}

/** Peak resident memory of a process (Linux), in MB. */
function peakMemoryMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-bench-intake-'));
  const sink = await webhookSink();
  const port = await freePort();
  const server = await startServer(dataDir, port, sink.url);
  const cleanup = () => {
    server.kill('SIGTERM');
    sink.close();
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  try {
    // Noise does not compress, so each PNG is as big as a busy page's capture: 320×320×3 ≈ 300 KB.
    const images = [
      makePng(320, 320, [0, 0, 0], true),
      makePng(320, 320, [0, 0, 0], true),
      makePng(320, 320, [0, 0, 0], true),
    ];
    const imageKb = images.reduce((n, i) => n + i.byteLength, 0) / 3 / 1024;
    const attachments = images.map((_, i) => ({
      part: `file${i}`,
      name: `step-${i}.png`,
      kind: 'capture' as const,
      method: 'viewport' as const,
    }));

    const serverMs: number[] = [];
    const roundTripMs: number[] = [];
    let failures = 0;
    let next = 0;
    const started = performance.now();
    const lane = async () => {
      while (next < REPORTS) {
        const n = next++;
        const form = new FormData();
        form.set(
          'report',
          JSON.stringify(
            sampleReport({ title: `Bench report ${n}: order ${1000 + n} shows twice`, attachments }),
          ),
        );
        for (const [i, img] of images.entries()) {
          form.set(`file${i}`, new Blob([new Uint8Array(img)], { type: 'image/png' }), `step-${i}.png`);
        }
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/reports`, {
          method: 'POST',
          headers: { 'idempotency-key': `bench-${n}-${crypto.randomUUID()}` },
          body: form,
        });
        await res.arrayBuffer();
        roundTripMs.push(performance.now() - t0);
        const timing = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
        if (res.status !== 201 || !timing) failures++;
        else serverMs.push(Number(timing[1]));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    const seconds = (performance.now() - started) / 1000;

    // Give forwarding a moment to drain so the sink count says whether it kept up.
    const until = Date.now() + 30_000;
    while (sink.received() < REPORTS - failures && Date.now() < until)
      await new Promise((r) => setTimeout(r, 250));

    serverMs.sort((a, b) => a - b);
    roundTripMs.sort((a, b) => a - b);
    const p99 = percentile(serverMs, 99);
    const db = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    console.log(
      `bench/intake — ${REPORTS} reports × 3 images of ${imageKb.toFixed(0)} KB, ${CONCURRENCY} at a time, ${db}`,
    );
    console.log(`  stored (201):            ${REPORTS - failures} of ${REPORTS}`);
    console.log(
      `  server time to stored + forward queued: p50 ${percentile(serverMs, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (target ≤ ${TARGET_P99_MS} ms: ${p99 <= TARGET_P99_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  client round trip:       p50 ${percentile(roundTripMs, 50).toFixed(1)} ms, p99 ${percentile(roundTripMs, 99).toFixed(1)} ms`,
    );
    console.log(
      `  throughput:              ${(REPORTS / seconds).toFixed(1)} reports/s (${((REPORTS * imageKb * 3) / 1024 / seconds).toFixed(1)} MB/s of images)`,
    );
    console.log(`  forwarded to the sink:   ${sink.received()} (within 30 s after the last report)`);
    console.log(`  server peak memory:      ${peakMemoryMb(server.pid as number).toFixed(0)} MB (VmHWM)`);
    if (!process.env.BENCH_DATABASE_URL) {
      console.log(
        `  SQLite file:             ${(statSync(join(dataDir, 'snapdesk.sqlite')).size / 1024 / 1024).toFixed(0)} MB`,
      );
    }
    if (failures) process.exitCode = 1;
  } finally {
    cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
