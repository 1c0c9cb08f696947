import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type {
  CaptureMethod,
  ConsoleEntry,
  Environment,
  IncidentLink,
  Report,
  ReportState,
} from '../../shared/schemas/report.ts';
import type { Annotation } from './annotations.ts';

export interface Capture {
  id: string;
  name: string;
  /** The pixels as captured; kept until the report is sent, whatever is drawn on top. */
  original: Blob;
  annotations: Annotation[];
  method: CaptureMethod;
  width: number;
  height: number;
  truncated: boolean;
  capturedAt: string;
}

/** The fields a person fills in; everything of a report except what the extension collects. */
export type ReportFields = Omit<Report, 'environment' | 'console' | 'attachments' | 'client_id'>;

/** The form's answers, by the form configuration's field ids, as typed. */
export type FormValues = Record<string, string>;

/** A file the person attached (an image or a PDF), sent as it is. */
export interface AttachedFile {
  id: string;
  name: string;
  blob: Blob;
}

export interface Draft {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** The tab reported on, to add more captures of it while it is open. */
  tabId?: number;
  environment: Environment;
  console: ConsoleEntry[];
  captures: Capture[];
  /**
   * The answers by the form's own field ids, so a server's form with fields the report has no
   * column for still survives a closed tab; they are mapped onto the report when it is sent.
   */
  requestType?: string;
  form?: FormValues;
  files?: AttachedFile[];
  /** Filed with "Report anyway (linked to this incident)". */
  incidentId?: string;
}

/** A report waiting to reach the server; its id is the Idempotency-Key of every attempt. */
export interface OutboxItem {
  id: string;
  draftId: string;
  createdAt: string;
  report: Report;
  files: { part: string; name: string; blob: Blob }[];
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  /** Set when the server refused the report itself; it stays here, visible, never dropped. */
  refused?: string;
}

export interface SentReport {
  reference: string;
  /** The outbox item (and Idempotency-Key) it was sent as, so the report page can find it exactly. */
  outboxId: string;
  secret: string;
  statusUrl: string;
  title: string;
  pageUrl: string;
  sentAt: string;
  incident: IncidentLink | null;
  state: ReportState;
  checkedAt?: string;
}

interface Schema extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { byUpdated: string } };
  outbox: { key: string; value: OutboxItem; indexes: { byDue: number } };
  sent: { key: string; value: SentReport; indexes: { bySentAt: string; byPage: string } };
}

let opened: Promise<IDBPDatabase<Schema>> | undefined;

/** The extension's own database: drafts, the outbox, and the reports already sent. */
export function db(): Promise<IDBPDatabase<Schema>> {
  opened ??= openDB<Schema>('snapdesk', 1, {
    upgrade(database) {
      database.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
      database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byDue', 'nextAttemptAt');
      const sent = database.createObjectStore('sent', { keyPath: 'reference' });
      sent.createIndex('bySentAt', 'sentAt');
      sent.createIndex('byPage', 'pageUrl');
    },
  });
  return opened;
}

export async function saveDraft(draft: Draft): Promise<void> {
  await (await db()).put('drafts', { ...draft, updatedAt: new Date().toISOString() });
}

export async function getDraft(id: string): Promise<Draft | undefined> {
  return (await db()).get('drafts', id);
}

/** Send: the report joins the outbox and its draft goes, in one transaction, so it is never in neither. */
export async function moveToOutbox(item: OutboxItem): Promise<void> {
  const tx = (await db()).transaction(['drafts', 'outbox'], 'readwrite');
  await Promise.all([
    tx.objectStore('outbox').put(item),
    tx.objectStore('drafts').delete(item.draftId),
    tx.done,
  ]);
}
