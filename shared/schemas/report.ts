import { z } from 'zod';
import { entityId, incidentImpact, incidentStatus } from './status.ts';
import { wellFormed } from './text.ts';

/** The three request types of the seeds' customer portals (003). */
export const requestType = z.enum(['question', 'bug', 'feature']);
/** Priority exists only for "Something is broken"; Immediate = customers cannot order or pay (000). */
export const priority = z.enum(['low', 'normal', 'high', 'immediate']);
/** What the problem stops: the fact the priority advice weighs (ordering = customers cannot order or pay). */
export const blockingImpact = z.enum(['ordering', 'work', 'none']);
/** How an image was produced, so support knows how far to trust its pixels. */
export const captureMethod = z.enum(['viewport', 'stitched', 'html2canvas', 'upload']);
export const reportState = z.enum(['received', 'forwarded', 'retrying', 'failed']);
/** A request's progress at the help desk, apart from whether it reached it (`reportState`). */
export const requestState = z.enum([
  'received',
  'open',
  'in_progress',
  'waiting_for_customer',
  'resolved',
  'closed',
  'reopened',
]);
/** Where a change to a request came from. */
export const requestSource = z.enum(['console', 'reporter', 'redmine', 'webhook', 'system']);

const text = (max: number) => wellFormed(z.string()).trim().max(max);
const optionalText = (max: number) => text(max).optional();
const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(1_000_000_000);

export const consoleEntry = z.strictObject({
  kind: z.enum(['error', 'exception', 'network']),
  message: text(2000),
  at: isoTime,
  /** Script URL and line for errors; request URL (query stripped) for network failures. */
  source: optionalText(2000),
  method: optionalText(16),
  status: z.number().int().min(0).max(999).optional(),
});

export const environment = z.strictObject({
  url: wellFormed(z.url().max(4000)),
  title: text(500),
  captured_at: isoTime,
  time_zone: text(100),
  browser: text(100),
  browser_version: text(100),
  os: text(100),
  viewport: z.strictObject({ width: count, height: count }),
  screen: z.strictObject({ width: count, height: count }),
  device_pixel_ratio: z.number().positive().max(16),
  language: text(50),
  extension_version: text(50),
});

/** Describes one multipart file part of the report; `part` is the part's field name. */
export const attachmentMeta = z.strictObject({
  part: z.string().regex(/^file\d{1,2}$/, 'must be file0 … file99'),
  name: text(255).min(1),
  kind: z.enum(['capture', 'file']),
  method: captureMethod.optional(),
  /** Set when a very tall page was cut at the capture limit. */
  truncated: z.boolean().optional(),
  /**
   * One part of a whole-page capture cut for its height, counted from 1: "Whole page 2/3". Parts go
   * in page order; one the reporter removed is missing, the others keep their numbers.
   */
  page_part: z
    .strictObject({ index: z.number().int().min(1), count: z.number().int().min(2).max(10) })
    .refine((p) => p.index <= p.count, { message: 'index must be at most count' })
    .optional(),
});

/**
 * What is wrong with the order of a report's page parts, if anything: they belong to one whole page
 * (the same count), are captures, and come top to bottom, each once.
 */
export function pagePartsProblem(attachments: readonly AttachmentMeta[]): string | undefined {
  const parts = attachments.filter((a) => a.page_part);
  if (parts.some((a) => a.kind !== 'capture')) return 'only a capture can be part of a whole page';
  const counts = new Set(parts.map((a) => a.page_part?.count));
  if (counts.size > 1) return 'the parts of a whole page must all have the same count';
  const indexes = parts.map((a) => a.page_part?.index ?? 0);
  if (indexes.some((n, i) => i > 0 && n <= (indexes[i - 1] ?? 0)))
    return 'the parts of a whole page must come in page order, each once (1/3, 2/3, 3/3)';
  return undefined;
}

export const report = z
  .strictObject({
    type: requestType,
    title: text(200).min(1, 'must not be empty'),
    description: optionalText(20_000),
    steps: optionalText(20_000),
    expected: optionalText(5_000),
    actual: optionalText(5_000),
    before: optionalText(5_000),
    impact: z
      .strictObject({
        text: optionalText(5_000),
        people: count.optional(),
        orders: count.optional(),
        branches: count.optional(),
        blocking: blockingImpact.optional(),
      })
      .optional(),
    examples_working: optionalText(5_000),
    examples_failing: optionalText(5_000),
    tried: optionalText(5_000),
    priority: priority.optional(),
    account: optionalText(200),
    share_with: optionalText(200),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
      .optional(),
    contact_email: wellFormed(z.email().max(254)).optional(),
    environment,
    console: z.array(consoleEntry).max(200).default([]),
    attachments: z.array(attachmentMeta).max(10).default([]),
    /** Filed with "Report anyway (linked to this incident)". */
    incident_id: entityId.optional(),
    /** A random id of this browser's extension install, for the duplicate guard. */
    client_id: z.uuid().optional(),
    /** The reporter asks to be told of the request's changes by mail, at `contact_email`. */
    notify_by_email: z.boolean().optional(),
  })
  .refine((r) => r.type === 'bug' || r.priority === undefined, {
    path: ['priority'],
    message: 'is only for "Something is broken" reports',
  })
  .refine((r) => !r.notify_by_email || r.contact_email !== undefined, {
    path: ['notify_by_email'],
    message: 'needs a contact e-mail to write to',
  })
  .refine((r) => new Set(r.attachments.map((a) => a.part)).size === r.attachments.length, {
    path: ['attachments'],
    message: 'each part may be described once',
  })
  .superRefine((r, ctx) => {
    const problem = pagePartsProblem(r.attachments);
    if (problem) ctx.addIssue({ code: 'custom', path: ['attachments'], message: problem });
  });

export const incidentLink = z.object({
  id: z.string(),
  name: z.string(),
  status: incidentStatus,
  impact: incidentImpact,
  url: z.string(),
});

/** What `POST /api/reports` answers, the same for every retry with the same Idempotency-Key. */
export const intakeResponse = z.object({
  reference: z.string().regex(/^SD-\d+$/),
  /** Lets this reporter, and only them, read the report's status later. */
  secret: z.string(),
  status_url: z.string(),
  incident: incidentLink.nullable(),
});

export const reportStatusResponse = z.object({
  reference: z.string(),
  state: reportState,
  received_at: isoTime,
  external_reference: z.string().nullable(),
  incident: incidentLink.nullable(),
  /** The request's progress at the help desk. Added later: clients written before it ignore it. */
  request: z
    .object({
      state: requestState,
      state_changed_at: isoTime,
      /** Every change of state, oldest first. */
      history: z.array(
        z.object({
          at: isoTime,
          from: requestState,
          to: requestState,
          source: requestSource,
          /** The reporter's reason, for a reopened request. */
          reason: z.string().nullable(),
        }),
      ),
      /** What support wrote for the customer and the customer's answers, oldest first; never internal notes. */
      comments: z.array(
        z.object({
          at: isoTime,
          author: z.enum(['support', 'reporter']),
          source: requestSource,
          body: z.string(),
          /** The images sent with an answer, in order; absent when there are none (added later). */
          attachments: z
            .array(z.object({ name: z.string(), content_type: z.string(), size: count }))
            .optional(),
        }),
      ),
    })
    .optional(),
});

/** Text a reporter or support writes on a request: trimmed, not empty, at most 10,000 characters. */
export const requestText = text(10_000).min(1, 'must not be empty');
/**
 * `POST /api/reports/:reference/answer`: JSON, or multipart/form-data with this object as JSON in an
 * `answer` part and up to `MAX_ANSWER_FILES` images as parts `file0` … (PNG, JPEG or WebP).
 */
export const requestAnswer = z.strictObject({ text: requestText });
export const MAX_ANSWER_FILES = 5;
/** `POST /api/reports/:reference/reopen`. */
export const requestReopen = z.strictObject({ reason: requestText });

const reference = z.string().regex(/^SD-\d{1,12}$/, 'must be a reference such as SD-1042');

/**
 * `POST /api/reports/status`: every request this browser holds, with its secret, in one call. A POST
 * keeps the secrets out of URLs and logs; the answer carries an `ETag`, and the same `If-None-Match`
 * answers 304 while nothing changed.
 */
export const statusBatchRequest = z.strictObject({
  reports: z
    .array(z.strictObject({ reference, secret: z.string().min(1).max(200) }))
    .min(1)
    .max(200),
});

/** One request as the batched status call tells it: enough for a list, a badge and a notification. */
export const requestSummary = z.object({
  reference: z.string(),
  state: reportState,
  external_reference: z.string().nullable(),
  incident: incidentLink.nullable(),
  request: z.object({
    state: requestState,
    state_changed_at: isoTime,
    /** The newest comment support wrote for the customer. */
    latest_comment: z.object({ at: isoTime, body: z.string() }).nullable(),
    /** How many changes and comments the history holds: a client sees it grew. */
    events: count,
  }),
});

export const statusBatchResponse = z.object({
  reports: z.array(requestSummary),
  /** Unknown references and wrong secrets alike, so references cannot be probed. */
  unknown: z.array(z.string()),
});

export type RequestType = z.infer<typeof requestType>;
export type Priority = z.infer<typeof priority>;
export type BlockingImpact = z.infer<typeof blockingImpact>;
export type CaptureMethod = z.infer<typeof captureMethod>;
export type ReportState = z.infer<typeof reportState>;
export type RequestState = z.infer<typeof requestState>;
export type RequestSource = z.infer<typeof requestSource>;
export type ConsoleEntry = z.infer<typeof consoleEntry>;
export type Environment = z.infer<typeof environment>;
export type AttachmentMeta = z.infer<typeof attachmentMeta>;
export type Report = z.infer<typeof report>;
export type IncidentLink = z.infer<typeof incidentLink>;
export type IntakeResponse = z.infer<typeof intakeResponse>;
export type ReportStatusResponse = z.infer<typeof reportStatusResponse>;
export type StatusBatchRequest = z.infer<typeof statusBatchRequest>;
export type RequestSummary = z.infer<typeof requestSummary>;
export type StatusBatchResponse = z.infer<typeof statusBatchResponse>;
