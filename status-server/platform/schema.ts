import type {
  Priority,
  ReportState,
  RequestSource,
  RequestState,
  RequestType,
} from '../../shared/schemas/report.ts';
import type {
  ComponentStatus,
  IncidentImpact,
  IncidentStatus,
  MaintenanceStatus,
} from '../../shared/schemas/status.ts';
import type { SubscriptionChannel } from '../domain/channels.ts';

/**
 * Table rows as both databases hold them. Times are ISO 8601 UTC strings (`toISOString()`), which sort
 * and compare correctly as text in SQLite and PostgreSQL alike; booleans are 0/1.
 */
export interface Database {
  page_state: { id: number; revision: number; updated_at: string };
  component_groups: {
    id: string;
    name: string;
    description: string | null;
    position: number;
    created_at: string;
    updated_at: string;
  };
  components: {
    id: string;
    group_id: string | null;
    name: string;
    description: string | null;
    status: ComponentStatus;
    position: number;
    only_show_if_degraded: number;
    showcase: number;
    created_at: string;
    updated_at: string;
  };
  component_hosts: { component_id: string; host: string };
  /** Every status a component entered and when: the source of the uptime bars. */
  component_status_changes: { id: string; component_id: string; status: ComponentStatus; at: string };
  /** Incidents and scheduled maintenance share one table, as in the status-page API they mirror. */
  incidents: {
    id: string;
    kind: 'incident' | 'maintenance';
    name: string;
    status: IncidentStatus | MaintenanceStatus;
    impact: IncidentImpact | 'maintenance';
    started_at: string;
    created_at: string;
    updated_at: string;
    monitoring_at: string | null;
    resolved_at: string | null;
    scheduled_for: string | null;
    scheduled_until: string | null;
  };
  incident_components: { incident_id: string; component_id: string };
  incident_updates: {
    id: string;
    incident_id: string;
    status: IncidentStatus | MaintenanceStatus;
    body: string;
    /** JSON array of `{ code, name, old_status, new_status }`, or null when no component changed. */
    affected_components: string | null;
    created_at: string;
  };
  admin_tokens: {
    id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  counters: { name: string; value: number };
  /** Secrets the server makes for itself on first start and every instance shares. */
  server_keys: { name: string; value: string };
  reports: {
    id: string;
    reference: string;
    idempotency_key: string;
    /** SHA-256 of the request, so a reused key with a different report is caught. */
    request_hash: string;
    type: RequestType;
    title: string;
    priority: Priority | null;
    /** The validated report as JSON (fields, environment, console entries, attachment list). */
    body: string;
    page_url: string;
    page_host: string;
    captured_at: string;
    received_at: string;
    deadline_at: string | null;
    client_ip: string | null;
    client_id: string | null;
    incident_id: string | null;
    /** How the incident link was made: chosen by the reporter, or matched by host and time. */
    incident_link: 'reporter' | 'match' | null;
    state: ReportState;
    external_ref: string | null;
    /** The request's progress at the help desk (domain/request-lifecycle.ts). */
    request_state: RequestState;
    /** When it entered `request_state`; null only for a row written before this column existed. */
    state_changed_at: string | null;
    /** 1 while the reporter wants a mail at the report's contact e-mail when support changes the request. */
    notify_by_email: number;
    /** How many events the request's history holds (requests/store.ts writes it with each event). */
    event_count: number;
    /** Support's newest comment for the customer (by time, then id), kept with each comment written. */
    latest_comment_at: string | null;
    latest_comment_body: string | null;
  };
  /** A request's history: changes of state, and comments between support and the reporter. */
  report_events: {
    id: string;
    report_id: string;
    at: string;
    /** A change of state, a comment support wrote for the customer, or the reporter's answer. */
    kind: 'state' | 'comment' | 'answer';
    from_state: RequestState | null;
    to_state: RequestState | null;
    /** The comment or answer; for a reopening, the reporter's reason. */
    body: string | null;
    author: 'support' | 'reporter' | 'system';
    source: RequestSource;
  };
  /** The images of a reporter's answer, in the order sent; `data` is read only when served. */
  report_event_files: {
    event_id: string;
    position: number;
    /** Made safe for a download name (domain/file-names.ts). */
    name: string;
    /** Sniffed from the bytes: PNG, JPEG or WebP. */
    content_type: string;
    size: number;
    data: Uint8Array;
  };
  /** Help-desk callbacks applied, by `webhook-id`, with the SHA-256 of the body they carried. */
  helpdesk_callbacks: { webhook_id: string; body_hash: string; received_at: string };
  report_attachments: {
    id: string;
    report_id: string;
    position: number;
    name: string;
    kind: 'capture' | 'file';
    method: string | null;
    truncated: number;
    content_type: string;
    size: number;
    width: number | null;
    height: number | null;
    data: Uint8Array;
  };
  jobs: {
    id: string;
    kind: string;
    /** The row the job is about (a report id, a delivery id), for listing a thing's jobs. */
    ref_id: string;
    payload: string;
    state: 'pending' | 'running' | 'done' | 'failed';
    attempts: number;
    max_attempts: number;
    run_at: string;
    locked_until: string | null;
    locked_by: string | null;
    last_error: string | null;
    result: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Per help-desk connector that is polled: its cursor, and the lease of the server polling it. */
  connector_cursors: {
    connector: string;
    /** The help desk's own time of the newest change seen (ISO 8601); null before the first poll. */
    cursor: string | null;
    next_run_at: string;
    /** Polls failed in a row: the back-off grows with it; 0 after a good one. */
    failures: number;
    last_error: string | null;
    leased_by: string | null;
    leased_until: string | null;
    updated_at: string;
  };
  /** A report's Redmine issue and what the poller last saw of it. */
  redmine_issues: {
    report_id: string;
    issue_id: number;
    /** Redmine's status when last seen; null until the first poll saw the issue. */
    status_id: number | null;
    /** The newest journal read; those after it are new. */
    journal_id: number;
    /** Redmine's `updated_on` when last read: an issue listed with the same one has not changed. */
    updated_on: string | null;
  };
  console_users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    created_at: string;
    last_login_at: string | null;
    /** The console's language the person chose; null: from their browser's Accept-Language. */
    locale: string | null;
  };
  subscriptions: {
    id: string;
    channel: SubscriptionChannel;
    /** A lower-case e-mail address, or the webhook's URL. */
    address: string;
    state: 'pending' | 'active';
    all_components: number;
    /** 1 when scheduled-maintenance notices are wanted too. */
    maintenance: number;
    /** While pending: the value the confirmation link signs; cleared on use, so a link works once. */
    confirm_nonce: string | null;
    confirm_expires_at: string | null;
    /** A webhook's Standard Webhooks signing secret (`whsec_…`); null for e-mail. */
    secret: string | null;
    /** Start of the hour in which `mails_in_window` subscription mails went to this address. */
    mail_window_at: string | null;
    mails_in_window: number;
    created_at: string;
    confirmed_at: string | null;
    updated_at: string;
    /**
     * A public webhook's endpoint as compared for duplicates (`webhookKey`), unique; null for e-mail,
     * for webhooks an admin added (compared as written) and for those made before it existed.
     */
    target_key: string | null;
    /** The host a public webhook counts against in the per-host limit; null where it does not apply. */
    target_host: string | null;
    /**
     * The language of this subscriber's mails and notices: the page's language when they subscribed,
     * changed on the manage page; null for those made before languages, who get the page's default.
     */
    locale: string | null;
  };
  /** A component or component-group id a subscription is limited to. */
  subscription_scopes: { subscription_id: string; target_id: string };
  /** A published event; one delivery job per matching subscriber has the notice's id as `ref_id`. */
  notices: {
    id: string;
    kind: 'incident' | 'maintenance' | 'component';
    incident_id: string | null;
    update_id: string | null;
    component_id: string | null;
    old_status: ComponentStatus | null;
    new_status: ComponentStatus | null;
    created_at: string;
  };
  console_sessions: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
  };
}
