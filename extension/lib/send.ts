import { browser } from 'wxt/browser';
import { inMegabytes, LIMITS } from '../../shared/limits.ts';
import { PRIORITY_LEVELS } from '../../shared/priority.ts';
import type { FormConfig, FormField } from '../../shared/schemas/form-config.ts';
import {
  type AttachmentMeta,
  blockingImpact,
  type CaptureMethod,
  type Report,
  report,
} from '../../shared/schemas/report.ts';
import { checkTitle } from '../../shared/title-rules.ts';
import { type Annotation, drawAnnotations } from './annotations.ts';
import { encodeCompact, extensionFor } from './capture/encode.ts';
import { t, tKey } from './i18n.ts';
import {
  type Capture,
  type Draft,
  type FormValues,
  moveToOutbox,
  type OutboxItem,
  type ReportFields,
} from './store.ts';

type TextTarget =
  | 'title'
  | 'description'
  | 'steps'
  | 'expected'
  | 'actual'
  | 'before'
  | 'examples_working'
  | 'examples_failing'
  | 'tried'
  | 'account'
  | 'share_with'
  | 'country'
  | 'contact_email';

/** Form field ids (the default form's and the report's own names) → the report's text fields. */
const TEXT_TARGETS: Record<string, TextTarget> = {
  title: 'title',
  description: 'description',
  stepsToReproduce: 'steps',
  steps: 'steps',
  expected: 'expected',
  actual: 'actual',
  howBefore: 'before',
  before: 'before',
  workingExamples: 'examples_working',
  failingExamples: 'examples_failing',
  alreadyTried: 'tried',
  tried: 'tried',
  account: 'account',
  shareWith: 'share_with',
  country: 'country',
  contactEmail: 'contact_email',
};
const COUNT_TARGETS: Record<string, 'people' | 'orders' | 'branches'> = {
  impactPeople: 'people',
  impactOrders: 'orders',
  impactBranches: 'branches',
};
const BLOCKING_FIELD = 'blocking';

/** Where a form field lands in the report, as a zod issue path names it. */
function reportPath(field: FormField): string | undefined {
  if (field.kind === 'title') return 'title';
  if (field.kind === 'priority') return 'priority';
  if (field.kind === 'country') return 'country';
  if (field.kind === 'organisation') return 'share_with';
  if (field.id === BLOCKING_FIELD) return 'impact.blocking';
  const count = COUNT_TARGETS[field.id];
  if (count) return `impact.${count}`;
  return TEXT_TARGETS[field.id];
}

/** A new draft's answers: account, country and contact e-mail as the organisation or person set them. */
export function prefilledForm(
  config: FormConfig,
  settings: { account?: string; country?: string; contactEmail?: string },
): FormValues {
  const from: Record<string, string | undefined> = {
    account: settings.account,
    country: settings.country,
    contact_email: settings.contactEmail,
  };
  const form: FormValues = {};
  for (const field of config.fields) {
    const value = from[reportPath(field) ?? ''];
    if (value) form[field.id] = value;
  }
  return form;
}

/** The report's three types; a server's own request types are filed as questions. */
function reportTypeOf(requestType: string): Report['type'] {
  return requestType === 'bug' || requestType === 'feature' ? requestType : 'question';
}

export function visibleFields(config: FormConfig, requestType: string): FormField[] {
  return config.fields.filter((f) => f.types.includes(requestType));
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A whole number as typed ("1 200", "1,200"); anything else is kept for validation to name. */
export function parseCount(value: string): number {
  const digits = value.replace(/[\s,.'_]/g, '');
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * The answers of the chosen request type as report fields. Fields of other types stay in the draft
 * but are not sent; priority only goes with "Something is broken"; answers the report has no field
 * for (a feature's goal, a server's own fields) are added to the description under their label.
 */
export function reportFields(
  config: FormConfig,
  requestType: string,
  form: FormValues,
  incidentId?: string,
): Partial<ReportFields> {
  const type = reportTypeOf(requestType);
  const fields: Partial<ReportFields> = { type };
  const impact: NonNullable<ReportFields['impact']> = {};
  const extras: string[] = [];
  for (const field of visibleFields(config, requestType)) {
    const value = clean(form[field.id]);
    if (value === undefined) continue;
    const path = reportPath(field);
    if (field.kind === 'priority') {
      if (type === 'bug') fields.priority = value as Report['priority'];
    } else if (path === 'impact.blocking') {
      const answer = blockingImpact.safeParse(value);
      if (answer.success) impact.blocking = answer.data;
    } else if (path?.startsWith('impact.')) {
      impact[COUNT_TARGETS[field.id] as 'people'] = parseCount(value);
    } else if (path) {
      fields[path as TextTarget] = value;
    } else {
      const shown = field.kind === 'select' ? optionLabel(field, value) : value;
      extras.push(`${tKey(field.label)}:\n${shown}`);
    }
  }
  if (extras.length) fields.description = [fields.description, ...extras].filter(Boolean).join('\n\n');
  if (Object.keys(impact).length) fields.impact = impact;
  if (incidentId) fields.incident_id = incidentId;
  return fields;
}

function optionLabel(field: FormField, value: string): string {
  const option = field.options?.find((o) => o.value === value);
  return option ? tKey(option.label) : value;
}

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
    })),
    ...(draft.files ?? []).map((f) => ({ name: f.name, blob: f.blob, kind: 'file' as const })),
  ];
}

/** The report exactly as it would be sent, before the shared schema has had its say. */
export function reportInput(
  draft: Draft,
  config: FormConfig,
  attachments: AttachmentMeta[],
  clientId?: string,
): Record<string, unknown> {
  const requestType = draft.requestType ?? config.requestTypes[0]?.id ?? 'question';
  return {
    ...reportFields(config, requestType, draft.form ?? {}, draft.incidentId),
    environment: draft.environment,
    console: draft.console,
    attachments,
    ...(clientId ? { client_id: clientId } : {}),
  };
}

/** A problem tied to a form field (by its id), or to the report as a whole. */
export interface Checked {
  report?: Report;
  /** Form field id → what is wrong with it. `pageUrl` is the page address itself. */
  fieldErrors: Record<string, string>;
  general: string[];
}

/**
 * Everything that keeps a report from being sent, in the words shown beside each field: the form's
 * required fields and bounds, a title that blocks (empty, all capitals), then the shared schema.
 */
export function checkReport(
  draft: Draft,
  config: FormConfig,
  attachments: AttachmentMeta[],
  clientId?: string,
): Checked {
  const requestType = draft.requestType ?? config.requestTypes[0]?.id ?? 'question';
  const form = draft.form ?? {};
  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  const byPath = new Map<string, string>();
  for (const field of visibleFields(config, requestType)) {
    const path = reportPath(field);
    if (path) byPath.set(path, field.id);
    const value = clean(form[field.id]);
    if (value === undefined) {
      // Priority only exists for bugs, whatever a server's form says.
      const needed = field.required && (field.kind !== 'priority' || reportTypeOf(requestType) === 'bug');
      if (needed)
        fieldErrors[field.id] = t(field.kind === 'title' ? 'report.title.empty' : 'report.error.required');
      continue;
    }
    if (field.kind === 'title') {
      const blocking = checkTitle(value).find((h) => h.level === 'block');
      if (blocking) fieldErrors[field.id] = t(blocking.message, blocking.params);
    }
    if (field.kind === 'number') {
      const n = parseCount(value);
      if (!Number.isInteger(n)) fieldErrors[field.id] = t('report.error.wholeNumber');
      else if (field.min !== undefined && n < field.min)
        fieldErrors[field.id] = t('report.error.min', { min: field.min });
      else if (field.max !== undefined && n > field.max)
        fieldErrors[field.id] = t('report.error.max', { max: field.max });
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      fieldErrors[field.id] = t('report.error.maxLength', { max: field.maxLength });
    }
    if (field.kind === 'priority' && !(PRIORITY_LEVELS as readonly string[]).includes(value)) {
      fieldErrors[field.id] = t('report.error.required');
    }
  }
  // What the server takes, checked here so a person hears it before the outbox does.
  if (attachments.length > LIMITS.maxFiles)
    general.push(t('report.error.tooManyFiles', { max: LIMITS.maxFiles }));

  const parsed = report.safeParse(reportInput(draft, config, attachments, clientId));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const fieldId =
        path === 'environment.url' ? 'pageUrl' : (byPath.get(path) ?? byPath.get(path.split('.')[0] ?? ''));
      if (fieldId) fieldErrors[fieldId] ??= issue.message;
      else general.push(`${path || t('report.error.report')}: ${issue.message}`);
    }
  }
  const ok = parsed.success && Object.keys(fieldErrors).length === 0 && general.length === 0;
  return { ...(ok ? { report: parsed.data } : {}), fieldErrors, general };
}

/** The outbox entry for a checked report; its id is the Idempotency-Key of every delivery attempt. */
export function outboxItem(draftId: string, checked: Report, parts: Part[], now = new Date()): OutboxItem {
  return {
    id: crypto.randomUUID(),
    draftId,
    createdAt: now.toISOString(),
    report: checked,
    files: parts,
    attempts: 0,
    nextAttemptAt: now.getTime(),
  };
}

/** Draws a capture with its marks on top: what the flattened image shows, on any 2D context. */
export function paintFlattened(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  image: CanvasImageSource,
  annotations: readonly Annotation[],
  width: number,
  height: number,
): void {
  ctx.drawImage(image, 0, 0, width, height);
  drawAnnotations(ctx, annotations, width, height);
}

/**
 * The image that is sent: the original with its marks burned in, so a redacted area is black in
 * the pixels themselves. A capture without marks goes as captured.
 */
export async function flattenCapture(capture: Capture): Promise<{ name: string; blob: Blob }> {
  if (capture.annotations.length === 0) return { name: capture.name, blob: capture.original };
  const bitmap = await createImageBitmap(capture.original);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the marks into the image');
  paintFlattened(ctx, bitmap, capture.annotations, bitmap.width, bitmap.height);
  bitmap.close();
  const blob = await encodeCompact(canvas);
  return { name: capture.name.replace(/(\.[a-z0-9]+)?$/i, `.${extensionFor(blob)}`), blob };
}

/** A random id of this install, so the server can tell one browser's reports from another's. */
export async function clientId(): Promise<string> {
  const stored = (await browser.storage.local.get('clientId')).clientId;
  if (typeof stored === 'string' && /^[0-9a-f-]{36}$/i.test(stored)) return stored;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ clientId: id });
  return id;
}

/**
 * Send: checks the report, flattens the marks into the images, moves the report to the outbox (the
 * draft goes in the same transaction) and asks the background to deliver. Returns the outbox entry,
 * or what is wrong when nothing was sent.
 */
export async function sendDraft(
  draft: Draft,
  config: FormConfig,
): Promise<{ item: OutboxItem } | { item?: undefined; checked: Checked }> {
  const id = await clientId();
  const first = checkReport(draft, config, attachmentParts(outgoingOf(draft)).meta, id);
  if (!first.report) return { checked: first };

  const flattened = await Promise.all(draft.captures.map(flattenCapture));
  const outgoing = outgoingOf(draft).map((o, i) => (flattened[i] ? { ...o, ...flattened[i] } : o));
  const { meta, parts } = attachmentParts(outgoing);
  const tooBig = parts.filter((p) => p.blob.size > LIMITS.maxFileBytes).map((p) => p.name);
  const total = parts.reduce((sum, p) => sum + p.blob.size, 0);
  const final = checkReport(draft, config, meta, id);
  if (tooBig.length)
    final.general.push(
      t('report.error.fileTooBig', { names: tooBig.join(', '), max: inMegabytes(LIMITS.maxFileBytes) }),
    );
  if (total > LIMITS.maxReportBytes)
    final.general.push(t('report.error.reportTooBig', { max: inMegabytes(LIMITS.maxReportBytes) }));
  if (!final.report || final.general.length) return { checked: { ...final, report: undefined } };

  const item = outboxItem(draft.id, final.report, parts);
  await moveToOutbox(item);
  // The background delivers; if it is asleep its alarm and start-up run pick the report up.
  await browser.runtime.sendMessage({ type: 'deliver' }).catch(() => undefined);
  return { item };
}
