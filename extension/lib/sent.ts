import { newestReportFirst } from '../../shared/order.ts';
import { fetchReportStatus, type RequestView } from './api/client.ts';
import { notifiedOf, progressOfView } from './requests/rules.ts';
import { db, type SentReport, updateSent } from './store.ts';

/** A report for the same page sent within this time is shown before a second one is filed (004). */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3600 * 1000;

export interface Status {
  report: SentReport;
  externalReference: string | null;
  /** The request's whole history, when the server has one. */
  request?: RequestView;
}

/**
 * Asks the server for a report's state with the secret only its sender holds, and keeps it. The
 * person sees what it says, so it counts as told: the watcher will not notify it again.
 */
export async function refreshStatus(serverUrl: string, sent: SentReport): Promise<Status> {
  const status = await fetchReportStatus(serverUrl, sent.reference, sent.secret);
  const checkedAt = new Date().toISOString();
  const change = (stored: SentReport): SentReport => {
    const request = status.request ? progressOfView(status.request) : undefined;
    return {
      ...stored,
      state: status.state,
      incident: status.incident,
      checkedAt,
      ...(request ? { request, notified: notifiedOf(request) } : {}),
    };
  };
  const report = (await updateSent(sent.reference, change)) ?? change(sent);
  return {
    report,
    externalReference: status.external_reference,
    ...(status.request ? { request: status.request } : {}),
  };
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

/** A page as a list names it: host and path, without the query a URL may carry. */
export function pageOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}
