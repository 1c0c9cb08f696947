/**
 * bench/intake: posts reports with three ~300 KB images each to a real server process and prints the
 * server's own time from request to stored + forwarding queued (its Server-Timing header), the
 * round trip seen by the client, and the server's peak memory.
 *
 *   npm run bench:intake                 1,000 reports on SQLite
 *   BENCH_REPORTS=200 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:intake
 *
 * Targets: p99 server time ≤ 100 ms (issue 3), and p50 ≤ 30 ms (issue 13, on PostgreSQL). It also
 * prints the CPU time one report costs the server, PostgreSQL and this client (with the help-desk
 * sink it runs), forwarding included, and the round trip the machine's cores allow at this concurrency.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startHookReceiver } from '../test/helpers/hook-receiver.ts';
import { makePng } from '../test/helpers/images.ts';
import { sampleReport } from '../test/helpers/intake.ts';
import { cpuTimeOfCommandUs, cpuTimeUs, ownedTempDir, runBench, startStatusServer } from './lib/processes.ts';
import { percentile } from './lib/report.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000);
/** Reports in flight at once: a busy office's worth of extensions sending together. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_P99_MS = 100;
const TARGET_P50_MS = 30;
const SECRET = `whsec_${Buffer.from('bench-secret-bench-secret-bench!').toString('base64')}`;

/** Peak resident memory of a process (Linux), in MB. */
function peakMemoryMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

async function main() {
  const tmp = await ownedTempDir('snapdesk-bench-intake-');
  const dataDir = join(tmp, 'data');
  // A help desk that accepts every forwarded report, so forwarding runs as it would in production.
  const hook = await startHookReceiver({ secret: SECRET });
  try {
    const { origin, service } = await startStatusServer({
      dataDir,
      log: join(tmp, 'server.log'),
      env: {
        DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
        SNAPDESK_INTAKE_PER_MINUTE: '100000',
        SNAPDESK_FORWARD_WEBHOOK_URL: `${hook.url}/hook`,
        SNAPDESK_FORWARD_WEBHOOK_SECRET: SECRET,
      },
    });
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
    const serverPid = service.child.pid as number;
    const cpuBefore = {
      server: await cpuTimeUs(serverPid),
      postgres: await cpuTimeOfCommandUs('postgres'),
      bench: process.cpuUsage(),
    };
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
        const res = await fetch(`${origin}/api/reports`, {
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
    while (hook.deliveries.length < REPORTS - failures && Date.now() < until) await sleep(250);
    // What one report cost each side, forwarding included: the machine's ceiling, whatever the code.
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const perReportMs = (us: number) => us / 1000 / REPORTS;
    const cpu = {
      server: perReportMs((await cpuTimeUs(serverPid)) - cpuBefore.server),
      postgres: perReportMs((await cpuTimeOfCommandUs('postgres')) - cpuBefore.postgres),
      bench: perReportMs(benchCpu.user + benchCpu.system),
    };

    serverMs.sort((a, b) => a - b);
    roundTripMs.sort((a, b) => a - b);
    const p50 = percentile(serverMs, 50);
    const p99 = percentile(serverMs, 99);
    const db = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    console.log(
      `bench/intake — ${REPORTS} reports × 3 images of ${imageKb.toFixed(0)} KB, ${CONCURRENCY} at a time, ${db}`,
    );
    console.log(`  stored (201):            ${REPORTS - failures} of ${REPORTS}`);
    console.log(
      `  server time to stored + forward queued: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (targets p50 ≤ ${TARGET_P50_MS} ms, p99 ≤ ${TARGET_P99_MS} ms: ${p50 <= TARGET_P50_MS && p99 <= TARGET_P99_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  client round trip:       p50 ${percentile(roundTripMs, 50).toFixed(1)} ms, p99 ${percentile(roundTripMs, 99).toFixed(1)} ms`,
    );
    console.log(
      `  throughput:              ${(REPORTS / seconds).toFixed(1)} reports/s (${((REPORTS * imageKb * 3) / 1024 / seconds).toFixed(1)} MB/s of images)`,
    );
    console.log(`  forwarded to the sink:   ${hook.deliveries.length} (within 30 s after the last report)`);
    const total = cpu.server + (process.env.BENCH_DATABASE_URL ? cpu.postgres : 0) + cpu.bench;
    console.log(
      `  CPU per report:          server ${cpu.server.toFixed(1)} ms, ${process.env.BENCH_DATABASE_URL ? `PostgreSQL ${cpu.postgres.toFixed(1)} ms, ` : ''}this client and the help-desk sink ${cpu.bench.toFixed(1)} ms (forwarding included)`,
    );
    console.log(
      `  so ${availableParallelism()} CPUs take at most ${((availableParallelism() * 1000) / total).toFixed(0)} reports/s, and ${CONCURRENCY} in flight wait at least ${((CONCURRENCY * total) / availableParallelism()).toFixed(0)} ms a round trip (Little's law)`,
    );
    console.log(
      `  server peak memory:      ${peakMemoryMb(service.child.pid as number).toFixed(0)} MB (VmHWM)`,
    );
    if (!process.env.BENCH_DATABASE_URL) {
      console.log(
        `  SQLite file:             ${(statSync(join(dataDir, 'snapdesk.sqlite')).size / 1024 / 1024).toFixed(0)} MB`,
      );
    }
    if (failures) process.exitCode = 1;
  } finally {
    await hook.stop();
  }
}

await runBench(main);
