import { describe, expect, it } from 'vitest';
import { answerBody } from '../../extension/lib/api/client.ts';
import { contactEmailOf, reportInput } from '../../extension/lib/report/fields.ts';
import { addAnswerFiles } from '../../extension/lib/requests/answer-files.ts';
import {
  applyBatch,
  FOLLOW_CLOSED_DAYS,
  isNews,
  MAX_BATCH,
  notificationId,
  notificationOf,
  progressOfView,
  referenceOfNotification,
  reportsPagePath,
  waitingCount,
  watchedReferences,
} from '../../extension/lib/requests/rules.ts';
import { checkRequests, type KeptEtag, type WatchIo } from '../../extension/lib/requests/watch.ts';
import { notificationWords } from '../../extension/lib/requests/words.ts';
import { type Draft, type SentReport, upgradeSent } from '../../extension/lib/store.ts';
import { defaultFormConfig } from '../../shared/schemas/form-config.ts';
import {
  type RequestState,
  type RequestSummary,
  report,
  type StatusBatchResponse,
} from '../../shared/schemas/report.ts';

const T0 = '2026-11-23T10:00:00.000Z';
const DAY = 86_400_000;

function sent(reference: string, extra: Partial<SentReport> = {}): SentReport {
  return {
    reference,
    outboxId: `o-${reference}`,
    secret: `secret-${reference}`,
    statusUrl: `https://status.example.com/api/reports/${reference}/status`,
    title: `Title of ${reference}`,
    pageUrl: 'https://shop.example.com/checkout',
    sentAt: T0,
    incident: null,
    state: 'received',
    muted: false,
    ...extra,
  };
}

function summary(
  reference: string,
  state: RequestState,
  comment: { at: string; body: string } | null = null,
  events = 1,
): RequestSummary {
  return {
    reference,
    state: 'forwarded',
    external_reference: null,
    incident: null,
    request: { state, state_changed_at: T0, latest_comment: comment, events },
  };
}

const words = notificationWords('en');

describe('which requests the watcher asks about', () => {
  it('asks about open requests only, newest first, never more than one call holds', () => {
    const list = [
      sent('SD-1', { sentAt: '2026-11-01T00:00:00Z' }),
      sent('SD-2', { sentAt: '2026-11-03T00:00:00Z' }),
      sent('SD-3', {
        sentAt: '2026-11-02T00:00:00Z',
        request: { state: 'closed', stateChangedAt: T0, latestComment: null, events: 3 },
      }),
      sent('SD-4', { sentAt: '2026-11-04T00:00:00Z', forgotten: true }),
    ];
    // SD-3 closed 20 days before this check: no longer asked about.
    const later = new Date(Date.parse(T0) + 20 * DAY);
    expect(watchedReferences(list, later)).toEqual([
      { reference: 'SD-2', secret: 'secret-SD-2' },
      { reference: 'SD-1', secret: 'secret-SD-1' },
    ]);
    const many = Array.from({ length: MAX_BATCH + 5 }, (_, i) => sent(`SD-${i + 1}`));
    expect(watchedReferences(many, later)).toHaveLength(MAX_BATCH);
  });

  it('asks about a request closed lately along with the open ones, never in a call of its own', () => {
    const closed = (days: number) => ({
      state: 'closed' as const,
      stateChangedAt: new Date(Date.parse(T0) - days * DAY).toISOString(),
      latestComment: null,
      events: 3,
    });
    const now = new Date(T0);
    const list = [
      sent('SD-1', { sentAt: '2026-11-01T00:00:00Z', request: closed(FOLLOW_CLOSED_DAYS - 1) }),
      sent('SD-2', { sentAt: '2026-11-02T00:00:00Z', request: closed(FOLLOW_CLOSED_DAYS + 1) }),
      sent('SD-3', { sentAt: '2026-10-01T00:00:00Z' }),
    ];
    expect(watchedReferences(list, now).map((r) => r.reference)).toEqual(['SD-3', 'SD-1']);
    expect(watchedReferences(list.slice(0, 2), now)).toEqual([]);
    // Support reopening it is news, told like any other change.
    const { changes } = applyBatch(list, { reports: [summary('SD-1', 'in_progress')], unknown: [] }, T0);
    expect(changes).toEqual([
      { reference: 'SD-1', title: 'Title of SD-1', state: 'in_progress', comment: null },
    ]);
  });

  it('counts the requests waiting for the person for the badge', () => {
    const waiting = {
      state: 'waiting_for_customer' as const,
      stateChangedAt: T0,
      latestComment: null,
      events: 2,
    };
    expect(
      waitingCount([
        sent('SD-1', { request: waiting }),
        sent('SD-2', { request: { ...waiting, state: 'in_progress' } }),
        sent('SD-3', { request: waiting, forgotten: true }),
        sent('SD-4'),
      ]),
    ).toBe(1);
  });
});

describe('what a batched answer changes and whom it tells', () => {
  it('tells a new state once, with the reference and the state in words', () => {
    const answer: StatusBatchResponse = { reports: [summary('SD-7', 'waiting_for_customer')], unknown: [] };
    const first = applyBatch([sent('SD-7')], answer, T0);
    expect(first.changes).toEqual([
      { reference: 'SD-7', title: 'Title of SD-7', state: 'waiting_for_customer', comment: null },
    ]);
    expect(first.updated[0]).toMatchObject({
      state: 'forwarded',
      checkedAt: T0,
      request: { state: 'waiting_for_customer', events: 1 },
      notified: { state: 'waiting_for_customer', commentAt: null },
    });
    expect(notificationOf(first.changes[0] as never, words)).toEqual({
      title: 'SD-7: Waiting for you',
      message: 'Title of SD-7',
    });
    // The same answer again is old news.
    expect(applyBatch(first.updated, answer, T0).changes).toEqual([]);
  });

  it('tells a new support comment even when the state stays, with the comment cut short', () => {
    const before = sent('SD-8', { notified: { state: 'in_progress', commentAt: null } });
    const long = `Please send the order number. ${'x'.repeat(400)}`;
    const { changes } = applyBatch(
      [before],
      { reports: [summary('SD-8', 'in_progress', { at: T0, body: long })], unknown: [] },
      T0,
    );
    expect(changes).toHaveLength(1);
    const shown = notificationOf(changes[0] as never, words);
    expect(shown.title).toBe('SD-8: In progress');
    expect(shown.message.startsWith('Support wrote: Please send the order number.')).toBe(true);
    expect(shown.message.length).toBeLessThan(220);
    expect(shown.message.endsWith('…')).toBe(true);
  });

  it('tells nothing of a muted request, yet records it so unmuting brings back no old news', () => {
    const muted = sent('SD-9', { muted: true });
    const answer: StatusBatchResponse = { reports: [summary('SD-9', 'resolved')], unknown: [] };
    const { changes, updated } = applyBatch([muted], answer, T0);
    expect(changes).toEqual([]);
    const unmuted = { ...(updated[0] as SentReport), muted: false };
    expect(applyBatch([unmuted], answer, T0).changes).toEqual([]);
  });

  it('a freshly sent request that is still only received is no news', () => {
    expect(
      applyBatch([sent('SD-10')], { reports: [summary('SD-10', 'received')], unknown: [] }, T0).changes,
    ).toEqual([]);
    expect(isNews({ state: 'received', commentAt: null }, progressOfView(view('open')))).toBe(true);
  });

  it('stops asking about references the server does not know', () => {
    const { updated, changes } = applyBatch([sent('SD-11')], { reports: [], unknown: ['SD-11'] }, T0);
    expect(changes).toEqual([]);
    expect(updated[0]?.forgotten).toBe(true);
    expect(watchedReferences(updated, new Date(T0))).toEqual([]);
  });
});

function view(state: RequestState) {
  return {
    state,
    state_changed_at: T0,
    history: [{ at: T0, from: 'received' as const, to: state, source: 'console' as const, reason: null }],
    comments: [
      {
        at: '2026-11-23T10:01:00.000Z',
        author: 'support' as const,
        source: 'console' as const,
        body: 'First',
      },
      {
        at: '2026-11-23T10:02:00.000Z',
        author: 'reporter' as const,
        source: 'reporter' as const,
        body: 'Mine',
      },
    ],
  };
}

describe('the summary of a whole history', () => {
  it('takes support’s newest comment, never the person’s own, and counts every entry', () => {
    expect(progressOfView(view('in_progress'))).toEqual({
      state: 'in_progress',
      stateChangedAt: T0,
      latestComment: { at: '2026-11-23T10:01:00.000Z', body: 'First' },
      events: 3,
    });
  });
});

describe('notifications', () => {
  it('one id per request, and a click leads to My reports at that request', () => {
    expect(referenceOfNotification(notificationId('SD-42'))).toBe('SD-42');
    expect(referenceOfNotification('incident:abc')).toBeUndefined();
    expect(reportsPagePath('SD-42')).toBe('/reports.html#SD-42');
  });

  it('speaks the person’s language', () => {
    expect(notificationWords('ro').title('SD-1', 'resolved')).toBe('SD-1: Rezolvat');
    expect(notificationWords('uk').title('SD-1', 'waiting_for_customer')).toBe(
      'SD-1: Чекає на вашу відповідь',
    );
    expect(notificationWords('cs').comment('Hotovo')).toBe('Podpora napsala: Hotovo');
  });
});

/** The browser and the server as a check sees them, recording what it did. */
function fakeIo(start: SentReport[], answers: Array<Awaited<ReturnType<WatchIo['fetchBatch']>>>) {
  let stored = start.map((r) => ({ ...r }));
  let kept: KeptEtag | undefined;
  const calls: { references: string[]; etag?: string }[] = [];
  const notes: { id: string; title: string; message: string }[] = [];
  const badge: number[] = [];
  const alarm: boolean[] = [];
  const io: WatchIo = {
    now: () => new Date(T0),
    serverUrl: async () => 'https://status.example.com',
    readSent: async () => stored.map((r) => ({ ...r })),
    saveSent: async (reports) => {
      const byRef = new Map(reports.map((r) => [r.reference, r]));
      stored = stored.map((r) => byRef.get(r.reference) ?? r);
    },
    readEtag: async () => kept,
    saveEtag: async (k) => {
      kept = k;
    },
    fetchBatch: async (_server, references, etag) => {
      calls.push({ references: references.map((r) => r.reference), ...(etag ? { etag } : {}) });
      const next = answers.shift();
      if (!next) throw new Error('no answer left');
      return next;
    },
    notify: async (id, content) => {
      notes.push({ id, ...content });
    },
    setWaiting: async (n) => {
      badge.push(n);
    },
    setAlarm: async (on) => {
      alarm.push(on);
    },
    words: async () => words,
  };
  const add = (report: SentReport) => {
    stored = [...stored, report];
  };
  return { io, calls, notes, badge, alarm, add };
}

describe('a check', () => {
  it('makes no call at all, and stops the alarm, while nothing is open', async () => {
    const closed = sent('SD-1', {
      request: { state: 'closed', stateChangedAt: T0, latestComment: null, events: 4 },
    });
    const f = fakeIo([closed], []);
    expect(await checkRequests(f.io)).toEqual({ asked: false, notified: 0 });
    expect(f.calls).toEqual([]);
    expect(f.alarm).toEqual([false]);
    expect(f.badge).toEqual([0]);
  });

  it('asks once for every open request, notifies, sets the badge, then sends the ETag back', async () => {
    const f = fakeIo(
      [sent('SD-1'), sent('SD-2')],
      [
        {
          notModified: false,
          etag: '"v1"',
          answer: {
            reports: [
              summary('SD-1', 'waiting_for_customer', { at: T0, body: 'Which browser?' }),
              summary('SD-2', 'open'),
            ],
            unknown: [],
          },
        },
        { notModified: true },
      ],
    );
    expect(await checkRequests(f.io)).toEqual({ asked: true, notified: 2 });
    expect(f.calls).toEqual([{ references: ['SD-1', 'SD-2'] }]);
    expect(f.notes).toEqual([
      { id: 'request:SD-1', title: 'SD-1: Waiting for you', message: 'Support wrote: Which browser?' },
      { id: 'request:SD-2', title: 'SD-2: Open', message: 'Title of SD-2' },
    ]);
    expect(f.badge).toEqual([1]);
    expect(f.alarm).toEqual([true]);

    // Nothing changed: the server says 304 to the ETag, and nobody is told anything again.
    expect(await checkRequests(f.io)).toEqual({ asked: true, notified: 0 });
    expect(f.calls[1]).toEqual({ references: ['SD-1', 'SD-2'], etag: '"v1"' });
    expect(f.notes).toHaveLength(2);
    expect(f.badge).toEqual([1, 1]);
  });

  it('does not send an ETag that was for another list of requests', async () => {
    const f = fakeIo(
      [sent('SD-1')],
      [
        { notModified: false, etag: '"a"', answer: { reports: [summary('SD-1', 'open')], unknown: [] } },
        { notModified: false, etag: '"b"', answer: { reports: [summary('SD-1', 'open')], unknown: [] } },
      ],
    );
    await checkRequests(f.io);
    // A second report was sent meanwhile: the list differs, so the old ETag is not sent.
    f.add(sent('SD-2', { sentAt: '2026-11-24T00:00:00Z' }));
    await checkRequests(f.io);
    expect(f.calls).toEqual([{ references: ['SD-1'] }, { references: ['SD-2', 'SD-1'] }]);
  });

  it('once the last request is closed, the alarm stops', async () => {
    const f = fakeIo(
      [sent('SD-1')],
      [{ notModified: false, etag: null, answer: { reports: [summary('SD-1', 'closed')], unknown: [] } }],
    );
    await checkRequests(f.io);
    expect(f.alarm).toEqual([false]);
    expect(await checkRequests(f.io)).toEqual({ asked: false, notified: 0 });
    expect(f.calls).toHaveLength(1);
  });
});

describe('an answer to support', () => {
  it('goes as JSON when it is text alone, as multipart with its images', async () => {
    expect(answerBody('It works now', [])).toBe('{"text":"It works now"}');
    const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    const form = answerBody('Here is the screen', [
      { name: 'a.png', blob: png },
      { name: 'b.png', blob: png },
    ]);
    expect(form).toBeInstanceOf(FormData);
    const parts = form as FormData;
    expect(JSON.parse(parts.get('answer') as string)).toEqual({ text: 'Here is the screen' });
    expect((parts.get('file0') as File).name).toBe('a.png');
    expect((parts.get('file1') as File).name).toBe('b.png');
    expect(parts.get('file2')).toBeNull();
  });

  it('takes PNG, JPEG and WebP images up to the limit and names what it leaves out', () => {
    let n = 0;
    const id = () => `f${++n}`;
    const img = (type: string) => new Blob(['x'], { type });
    const result = addAnswerFiles(
      [],
      [
        { name: 'a.png', blob: img('image/png') },
        { name: 'b.pdf', blob: img('application/pdf') },
        { name: 'c.jpg', blob: img('image/jpeg') },
        { name: 'd.webp', blob: img('image/webp') },
        { name: 'e.gif', blob: img('image/gif') },
      ],
      id,
    );
    expect(result.files.map((f) => f.name)).toEqual(['a.png', 'c.jpg', 'd.webp']);
    expect(result.wrongType).toEqual(['b.pdf', 'e.gif']);
    expect(result.tooMany).toBe(false);
    const full = addAnswerFiles(
      result.files,
      ['1', '2', '3'].map((k) => ({ name: `${k}.png`, blob: img('image/png') })),
      id,
    );
    expect(full.files).toHaveLength(5);
    expect(full.tooMany).toBe(true);
  });
});

describe('the e-mail opt-in of the form', () => {
  const config = defaultFormConfig;
  const draft = (form: Record<string, string>, notifyByEmail?: boolean): Draft => ({
    id: 'd',
    createdAt: T0,
    updatedAt: T0,
    environment: {
      url: 'https://shop.example.com/checkout',
      title: 'Checkout',
      captured_at: T0,
      time_zone: 'UTC',
      browser: 'Chrome',
      browser_version: '131',
      os: 'Linux',
      viewport: { width: 1280, height: 800 },
      screen: { width: 1280, height: 800 },
      device_pixel_ratio: 1,
      language: 'en',
      extension_version: '0.1.0',
    },
    console: [],
    captures: [],
    requestType: 'question',
    form,
    ...(notifyByEmail === undefined ? {} : { notifyByEmail }),
  });
  const filled = { title: 'Cannot find the invoice page', contactEmail: 'ana@example.com' };

  it('asks for mails only when ticked and an address is given', () => {
    expect(contactEmailOf(config, 'question', filled)).toBe('ana@example.com');
    expect(reportInput(draft(filled, true), config, []).notify_by_email).toBe(true);
    expect(reportInput(draft(filled, false), config, [])).not.toHaveProperty('notify_by_email');
    // Ticked, then the address removed: the box is gone, and so is the wish.
    const noAddress = { ...filled, contactEmail: '  ' };
    expect(contactEmailOf(config, 'question', noAddress)).toBeUndefined();
    expect(reportInput(draft(noAddress, true), config, [])).not.toHaveProperty('notify_by_email');
    expect(report.safeParse(reportInput(draft(filled, true), config, [])).success).toBe(true);
  });
});

describe('the database upgrade', () => {
  it('keeps every field of a report sent before requests were followed, notifications on', () => {
    const { muted: _, ...v1 } = sent('SD-3', { state: 'forwarded', checkedAt: T0 });
    expect(upgradeSent(v1)).toEqual({ ...v1, muted: false });
    expect(upgradeSent({ ...v1, muted: true }).muted).toBe(true);
  });
});
