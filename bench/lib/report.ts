/** Small helpers for what benches print. */
import { availableParallelism, loadavg } from 'node:os';

/** The value below which `p` per cent of the sorted values lie (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** The middle value (the upper one of the two middle ones for an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Right-aligned columns, as wide as their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}

/** Like `table`, with the first column left-aligned as labels and a rule under the heading row. */
export function labelledTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r, y) => {
      const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)));
      return y === 0 ? `${line.join('  ')}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line.join('  ');
    })
    .join('\n');
}

/** The 1-minute load average now, to note before a measurement starts. */
export const loadNow = (): number => loadavg()[0] ?? 0;

/** Whether the machine is busier than `busyPerCpu` per CPU: other work competes with the bench. */
export const isBusy = (load: number, busyPerCpu: number): boolean =>
  load > busyPerCpu * availableParallelism();

/**
 * A line about the load before the start; above `busyPerCpu` per CPU, other work competed and the
 * line says the figures are unreliable.
 */
export function loadNote(loadBefore: number, busyPerCpu: number): string {
  const note = `1-minute load average before the start: ${loadBefore.toFixed(2)}`;
  return isBusy(loadBefore, busyPerCpu)
    ? `${note}: WARNING, the machine was busy with other work; these figures are unreliable`
    : note;
}
