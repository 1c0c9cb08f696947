import { browser } from 'wxt/browser';
import { z } from 'zod';
import { newestReportFirst } from '../../shared/order.ts';
import { defaultFormConfig, type FormConfig, parseFormConfig } from '../../shared/schemas/form-config.ts';
import { type IncidentLink, incidentLink, reportStatusResponse } from '../../shared/schemas/report.ts';
import { db, type SentReport } from '../lib/store.ts';

/** Long enough for a slow server, short enough that the form does not wait on one that is gone. */
const TIMEOUT_MS = 4000;
/** A report for the same page sent within this time is shown before a second one is filed (004). */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3600 * 1000;

async function getJson(url: string, headers?: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new Error(body?.error?.message ?? `the server answered ${res.status}`);
  }
  return res.json();
}

export type ConfigSource = 'server' | 'saved' | 'default';

/**
 * The form as the server defines it. When the server cannot be reached or sends something this
 * extension cannot read, the last good form it sent is used, else the form the extension ships.
 */
export async function loadFormConfig(
  serverUrl: string,
): Promise<{ config: FormConfig; source: ConfigSource }> {
  try {
    const parsed = parseFormConfig(await getJson(`${serverUrl}/api/form-config`));
    if (parsed.ok) {
      await browser.storage.local.set({ formConfig: parsed.config });
      return { config: parsed.config, source: 'server' };
    }
    console.warn('Snapdesk: the server’s form configuration is not valid', parsed.issues);
  } catch (err) {
    console.warn('Snapdesk: the form configuration could not be loaded:', (err as Error).message);
  }
  const saved = parseFormConfig((await browser.storage.local.get('formConfig')).formConfig);
  return saved.ok
    ? { config: saved.config, source: 'saved' }
    : { config: defaultFormConfig, source: 'default' };
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

export interface Status {
  report: SentReport;
  externalReference: string | null;
}

/** Asks the server for a report's state with the secret only its sender holds, and keeps it. */
export async function refreshStatus(serverUrl: string, sent: SentReport): Promise<Status> {
  const body = await getJson(`${serverUrl}/api/reports/${encodeURIComponent(sent.reference)}/status`, {
    Authorization: `Bearer ${sent.secret}`,
  });
  const status = reportStatusResponse.parse(body);
  const report: SentReport = {
    ...sent,
    state: status.state,
    incident: status.incident,
    checkedAt: new Date().toISOString(),
  };
  await (await db()).put('sent', report);
  return { report, externalReference: status.external_reference };
}

function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname.replace(/\/+$/, '') === y.pathname.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/** Reports this browser sent for the same page (origin and path) in the last week, newest first. */
export async function recentReportsFor(pageUrl: string, now = Date.now()): Promise<SentReport[]> {
  const all = await (await db()).getAll('sent');
  return all
    .filter((r) => samePage(r.pageUrl, pageUrl) && now - Date.parse(r.sentAt) < DUPLICATE_WINDOW_MS)
    .sort(newestReportFirst((r) => r.sentAt));
}

/** "Try again now": the report is due at once (a refusal is set aside) and the background is woken. */
export async function retryNow(outboxId: string): Promise<void> {
  const database = await db();
  const item = await database.get('outbox', outboxId);
  if (!item) return;
  const { refused: _refused, ...rest } = item;
  await database.put('outbox', { ...rest, nextAttemptAt: Date.now() });
  await browser.runtime.sendMessage({ type: 'deliver' }).catch(() => undefined);
}
