import type { IncidentStatus, MaintenanceStatus } from '../../shared/schemas/status.ts';
import type { AttachmentRow, StoredReport } from '../store/reports.ts';

/** What every connector is handed: one stored report, ready to send. */
export interface OutgoingReport {
  /** The forwarding job's id: the same on every retry, so a receiver can recognise a repeat. */
  deliveryId: string;
  stored: StoredReport;
  incident: { id: string; name: string; status: IncidentStatus | MaintenanceStatus; url: string } | null;
  /** Reads one attachment's bytes; only the connectors that send files call it. */
  file(attachment: AttachmentRow): Promise<Uint8Array<ArrayBuffer>>;
}

interface ForwardResult {
  /** The help desk's own id for the ticket (e.g. `redmine#123`), when it tells us one. */
  external_ref?: string;
}

export type Deliver = (report: OutgoingReport) => Promise<ForwardResult>;

/** Builds the link to one image; the link carries its own signature, so the receiver needs no login. */
export type AttachmentUrl = (reference: string, position: number) => string;

/**
 * A reporter's move on a request, for the help desk that holds its ticket: an answer to "waiting for
 * you" (with images), a confirmation that it is solved, or a reopening with the reason.
 */
export interface OutgoingRequestEvent {
  /** The request-event job's id: the same on every retry, so a receiver can recognise a repeat. */
  deliveryId: string;
  reference: string;
  /** This connector's own id of the ticket, from its forwarding (e.g. `redmine#123`); null if none. */
  externalRef: string | null;
  event: {
    id: string;
    kind: 'answer' | 'confirm' | 'reopen';
    at: string;
    /** The answer's text or the reason for reopening; null for a confirmation. */
    body: string | null;
  };
  /** The report's title, for a subject that threads with the forwarded report's. */
  title?: string;
  /** The id of this connector's forwarding job (its `deliveryId` then), e.g. to refer to that mail. */
  forwardDeliveryId?: string;
  files: {
    name: string;
    content_type: string;
    size?: number;
    /** A signed link to the image on this server: fetched without a login, unguessable without its key. */
    url?: string;
    data(): Promise<Uint8Array<ArrayBuffer>>;
  }[];
}

export type DeliverRequestEvent = (event: OutgoingRequestEvent) => Promise<void>;
