import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type {
  CaptureMethod,
  ConsoleEntry,
  Environment,
  IncidentLink,
  Report,
  ReportState,
  RequestState,
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
  /** One part of a whole page cut for its height: "Whole page 2/3". Parts keep their order. */
  part?: { index: number; count: number };
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
  /** "Tell me by e-mail when this request changes"; sent only with a contact e-mail. */
  notifyByEmail?: boolean;
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
  /** The request's progress at the help desk as last read; absent until the first read. */
  request?: RequestProgress;
  /** The person switched this request's notifications off (the bell). */
  muted: boolean;
  /** What the person was last told of (or saw), so a change is told once. */
  notified?: Notified;
  /** The server no longer knows it (another server, or it was removed): no longer asked about. */
  forgotten?: boolean;
}

/** A request's progress, as the batched status call sums it up. */
export interface RequestProgress {
  state: RequestState;
  stateChangedAt: string;
  /** The newest comment support wrote for the customer. */
  latestComment: { at: string; body: string } | null;
  /** How many changes and comments its history holds. */
  events: number;
}

export interface Notified {
  state: RequestState;
  /** The time of the newest support comment told, or null when none was. */
  commentAt: string | null;
}

/** A sent report as version 1 of the database kept it, before requests were followed. */
export type SentReportV1 = Omit<SentReport, 'request' | 'muted' | 'notified' | 'forgotten'>;

/** Version 2 of a version-1 record: notifications on, nothing told yet; everything it had is kept. */
export function upgradeSent(record: SentReportV1 & Partial<SentReport>): SentReport {
  return { ...record, muted: record.muted ?? false };
}

interface Schema extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { byUpdated: string } };
  outbox: { key: string; value: OutboxItem; indexes: { byDue: number } };
  sent: { key: string; value: SentReport; indexes: { bySentAt: string; byPage: string } };
}

let opened: Promise<IDBPDatabase<Schema>> | undefined;

/** The extension's own database: drafts, the outbox, and the reports already sent. */
export function db(): Promise<IDBPDatabase<Schema>> {
  opened ??= openDB<Schema>('snapdesk', 2, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byUpdated', 'updatedAt');
        database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byDue', 'nextAttemptAt');
        const sent = database.createObjectStore('sent', { keyPath: 'reference' });
        sent.createIndex('bySentAt', 'sentAt');
        sent.createIndex('byPage', 'pageUrl');
      }
      if (oldVersion >= 1 && oldVersion < 2) {
        // Reports sent before requests were followed: each gets the new fields, nothing is dropped.
        let cursor = await transaction.objectStore('sent').openCursor();
        while (cursor) {
          await cursor.update(upgradeSent(cursor.value));
          cursor = await cursor.continue();
        }
      }
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

/**
 * Changes one sent report from its stored value in one transaction, so the watcher and My reports,
 * writing at the same time, do not undo each other's changes (a bell pressed while a check runs).
 */
export async function updateSent(
  reference: string,
  change: (report: SentReport) => SentReport,
): Promise<SentReport | undefined> {
  const tx = (await db()).transaction('sent', 'readwrite');
  const stored = await tx.store.get(reference);
  const next = stored && change(stored);
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}
