import { z } from 'zod';
import {
  type V2Component,
  type V2Summary,
  v2ComponentsResponse,
  v2StatusResponse,
  v2Summary,
} from '../../../shared/schemas/api-v2.ts';
import { apiError } from '../../../shared/schemas/error.ts';
import {
  type IncidentLink,
  type IntakeResponse,
  incidentLink,
  intakeResponse,
  MAX_ANSWER_FILES,
  type ReportStatusResponse,
  reportStatusResponse,
  type StatusBatchRequest,
  type StatusBatchResponse,
  statusBatchResponse,
} from '../../../shared/schemas/report.ts';
import type { OutboxItem } from '../store.ts';

/** Long enough for a slow server, short enough that the form does not wait on one that is gone. */
const TIMEOUT_MS = 4000;

/** An error answer of the server: its status, and its own message when it sent the API's error shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

async function failureOf(res: Response): Promise<ApiFailure> {
  const body = apiError.safeParse(await res.json().catch(() => undefined));
  return new ApiFailure(
    res.status,
    body.success ? body.data.error.message : `the server answered ${res.status}`,
  );
}

async function getJson(
  url: string,
  headers?: Record<string, string>,
  timeoutMs = TIMEOUT_MS,
): Promise<unknown> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw await failureOf(res);
  return res.json();
}

/** The form configuration as the server sends it, unread: its reader keeps what it can use. */
export function fetchFormConfig(serverUrl: string): Promise<unknown> {
  return getJson(`${serverUrl}/api/form-config`);
}

const activeResponse = z.object({ incidents: z.array(incidentLink) });

/** Incidents the server already knows about for this page's host; none when it cannot say. */
export async function activeIncidents(serverUrl: string, pageUrl: string): Promise<IncidentLink[]> {
  let host: string;
  try {
    const url = new URL(pageUrl);
    if (!/^https?:$/.test(url.protocol)) return [];
    host = url.hostname;
  } catch {
    return [];
  }
  try {
    const body = await getJson(`${serverUrl}/api/incidents/active?host=${encodeURIComponent(host)}`);
    return activeResponse.parse(body).incidents.filter((i) => isWebUrl(i.url));
  } catch (err) {
    console.warn('Snapdesk: active incidents could not be checked:', (err as Error).message);
    return [];
  }
}

/** Only web addresses become links: a server's answer must not make a `javascript:` link. */
export function isWebUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A report's state, asked with the secret only its sender holds. */
export async function fetchReportStatus(
  serverUrl: string,
  reference: string,
  secret: string,
): Promise<ReportStatusResponse> {
  const body = await getJson(`${serverUrl}/api/reports/${encodeURIComponent(reference)}/status`, {
    Authorization: `Bearer ${secret}`,
  });
  return reportStatusResponse.parse(body);
}

/** The status page's API answer, to tell that an address is a Snapdesk server. */
export async function fetchPageStatus(
  serverUrl: string,
  timeoutMs: number,
): Promise<z.infer<typeof v2StatusResponse>> {
  return v2StatusResponse.parse(await getJson(`${serverUrl}/api/v2/status.json`, undefined, timeoutMs));
}

/** The server's components and groups, for the person to choose which to hear about. */
export async function fetchComponents(serverUrl: string): Promise<V2Component[]> {
  return v2ComponentsResponse.parse(await getJson(`${serverUrl}/api/v2/components.json`)).components;
}

/** The server's summary, read once (My reports while incident alerts are off). */
export async function fetchSummary(serverUrl: string): Promise<V2Summary> {
  return v2Summary.parse(await getJson(`${serverUrl}/api/v2/summary.json`));
}

/**
 * Posts an outbox entry. Its id is the Idempotency-Key, so a report the server stored but whose
 * answer was lost is not stored twice.
 */
export async function postReport(serverUrl: string, item: OutboxItem): Promise<IntakeResponse> {
  const form = new FormData();
  form.set('report', JSON.stringify(item.report));
  for (const f of item.files) form.set(f.part, f.blob, f.name);
  const res = await fetch(`${serverUrl}/api/reports`, {
    method: 'POST',
    headers: { 'Idempotency-Key': item.id },
    body: form,
  });
  if (!res.ok) throw await failureOf(res);
  return intakeResponse.parse(await res.json());
}

/**
 * Every request this browser follows, in one call. With the ETag of the last answer the server says
 * 304 while nothing changed: an idle minute costs one empty answer.
 */
export async function fetchStatusBatch(
  serverUrl: string,
  reports: StatusBatchRequest['reports'],
  etag?: string,
): Promise<{ notModified: true } | { notModified: false; etag: string | null; answer: StatusBatchResponse }> {
  const res = await fetch(`${serverUrl}/api/reports/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(etag ? { 'If-None-Match': etag } : {}) },
    body: JSON.stringify({ reports } satisfies StatusBatchRequest),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (res.status === 304) return { notModified: true };
  if (!res.ok) throw await failureOf(res);
  return {
    notModified: false,
    etag: res.headers.get('etag'),
    answer: statusBatchResponse.parse(await res.json()),
  };
}

const requestAnswerResponse = z.object({ request: reportStatusResponse.shape.request.unwrap() });
export type RequestView = z.infer<typeof requestAnswerResponse>['request'];

/** An image the person adds to an answer. */
export interface AnswerFile {
  name: string;
  blob: Blob;
}

/**
 * An answer's body: JSON when it is text alone, multipart with the text as an `answer` part and the
 * images as `file0` … when it has images (the shared `requestAnswer` contract).
 */
export function answerBody(text: string, files: readonly AnswerFile[]): string | FormData {
  if (files.length === 0) return JSON.stringify({ text });
  if (files.length > MAX_ANSWER_FILES) throw new Error(`at most ${MAX_ANSWER_FILES} images`);
  const form = new FormData();
  form.set('answer', JSON.stringify({ text }));
  files.forEach((f, i) => {
    form.set(`file${i}`, f.blob, f.name);
  });
  return form;
}

/** One of the reporter's actions on a request, with the secret; answers the request as it is now. */
async function requestAction(
  serverUrl: string,
  reference: string,
  secret: string,
  action: 'answer' | 'confirm' | 'reopen',
  body?: string | FormData,
): Promise<RequestView> {
  const res = await fetch(`${serverUrl}/api/reports/${encodeURIComponent(reference)}/${action}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${secret}`,
      // FormData sets its own multipart type with the boundary.
      ...(typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  if (!res.ok) throw await failureOf(res);
  return requestAnswerResponse.parse(await res.json()).request;
}

export const answerRequest = (
  serverUrl: string,
  reference: string,
  secret: string,
  text: string,
  files: readonly AnswerFile[] = [],
) => requestAction(serverUrl, reference, secret, 'answer', answerBody(text, files));

export const confirmRequest = (serverUrl: string, reference: string, secret: string) =>
  requestAction(serverUrl, reference, secret, 'confirm');

export const reopenRequest = (serverUrl: string, reference: string, secret: string, reason: string) =>
  requestAction(serverUrl, reference, secret, 'reopen', JSON.stringify({ reason }));
