import type { AttachmentMeta, CaptureMethod } from '../../../shared/schemas/report.ts';
import type { Draft } from '../store.ts';

export interface Part {
  part: string;
  name: string;
  blob: Blob;
}

export interface Outgoing {
  name: string;
  blob: Blob;
  kind: AttachmentMeta['kind'];
  method?: CaptureMethod;
  truncated?: boolean;
  part?: { index: number; count: number };
}

/** file0, file1 … in the order given, with names made unique so a help desk keeps every one. */
export function attachmentParts(outgoing: readonly Outgoing[]): { meta: AttachmentMeta[]; parts: Part[] } {
  const used = new Set<string>();
  const meta: AttachmentMeta[] = [];
  const parts: Part[] = [];
  outgoing.forEach((o, i) => {
    const name = uniqueName(safeName(o.name, i), used);
    const part = `file${i}`;
    meta.push({
      part,
      name,
      kind: o.kind,
      ...(o.method ? { method: o.method } : {}),
      ...(o.truncated ? { truncated: true } : {}),
      ...(o.part ? { page_part: o.part } : {}),
    });
    parts.push({ part, name, blob: o.blob });
  });
  return { meta, parts };
}

function safeName(name: string, i: number): string {
  const trimmed = name.trim().replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_');
  if (!trimmed) return `file-${i + 1}`;
  if (trimmed.length <= 255) return trimmed;
  const dot = trimmed.lastIndexOf('.');
  const ext = dot > 0 && trimmed.length - dot <= 10 ? trimmed.slice(dot) : '';
  return trimmed.slice(0, 255 - ext.length) + ext;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; used.has(candidate); n++) candidate = `${base.slice(0, 240)} (${n})${ext}`;
  used.add(candidate);
  return candidate;
}

/** What goes out for the draft as it is now: the series in its order, then the attached files. */
export function outgoingOf(draft: Draft): Outgoing[] {
  return [
    ...draft.captures.map((c) => ({
      name: c.name,
      blob: c.original,
      kind: 'capture' as const,
      method: c.method,
      truncated: c.truncated,
      ...(c.part ? { part: c.part } : {}),
    })),
    ...(draft.files ?? []).map((f) => ({ name: f.name, blob: f.blob, kind: 'file' as const })),
  ];
}
