/** Small helpers for what benches print. */
import { availableParallelism, loadavg } from 'node:os';

/** The value below which `p` per cent of the sorted values lie (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Right-aligned columns, as wide as their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}

/** The 1-minute load average now, to note before a measurement starts. */
export const loadNow = (): number => loadavg()[0] ?? 0;

/**
 * A line about the load before the start; above `busyPerCpu` per CPU, other work competed and the
 * line says the figures are unreliable.
 */
export function loadNote(loadBefore: number, busyPerCpu: number): string {
  const cpus = availableParallelism();
  const note = `1-minute load average before the start: ${loadBefore.toFixed(2)}`;
  return loadBefore > busyPerCpu * cpus
    ? `${note}: WARNING, the machine was busy with other work; these figures are unreliable`
    : note;
}
