import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverKey, sign } from '../../status-server/reports/keys.ts';
import { type RequestDeps, supportUpdate } from '../../status-server/requests/service.ts';
import { insertReport } from '../helpers/reports.ts';
import {
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  reportPage,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

/** The extension API inside its pages and worker, where `evaluate` callbacks run. */
declare const chrome: { action: { getBadgeText(details: object): Promise<string> } };

/**
 * The reporter's side of a request in the real extension against the real server: the e-mail opt-in
 * on the form, the state and support's words in My reports, the badge, the answer, confirm and
 * reopen, and the bell. Support's side is the server's own service, as the console calls it.
 */
// Generous: capturing and sending from the form takes seconds on a busy machine.
describe('following a request from My reports', { timeout: 120_000 }, () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let b: ExtensionBrowser;
  let requests: RequestDeps;
  let formReference: string;
  let otherReference: string;

  beforeAll(async () => {
    site = await servePages();
    server = await startStatusServer();
    requests = { db: server.running.store.db, config: { reopenWindowMs: 5 * 86_400_000 } };
    b = await launchWithExtension();
    await configureServer(b, server.url);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await site?.close();
  });

  const reportRow = (reference: string) =>
    server.running.store.db
      .selectFrom('reports')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  const support = async (reference: string, input: Parameters<typeof supportUpdate>[2]) =>
    supportUpdate(requests, (await reportRow(reference)).id, input);
  const events = async (reference: string) =>
    server.running.store.db
      .selectFrom('report_events')
      .selectAll()
      .where('report_id', '=', (await reportRow(reference)).id)
      .orderBy('at')
      .orderBy('id')
      .execute();
  const badgeText = () => b.worker.evaluate(() => chrome.action.getBadgeText({}));
  const openReports = async (): Promise<Page> => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/reports.html`);
    await page.getByTestId('sent-reports').waitFor();
    return page;
  };
  /** "Refresh states", and wait until it is done. */
  const refresh = async (page: Page) => {
    await page.getByTestId('refresh-statuses').click();
    await expect.poll(() => page.getByTestId('refresh-statuses').isDisabled()).toBe(false);
  };
  const rowOf = async (page: Page, reference: string) => {
    const refs = await page.locator('[data-testid^="sent-ref-"]').allTextContents();
    const index = refs.indexOf(reference);
    if (index < 0) throw new Error(`${reference} is not listed: ${refs.join(', ')}`);
    return index;
  };

  it('offers the e-mail opt-in once a contact e-mail is given, and the report carries it', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/broken.html`);
    const { reportPage: form } = await reportPage(b, page);
    await form.getByTestId('report-type-question').click();
    await form.getByTestId('report-title').fill('Where do I download last month’s invoices?');
    await form.getByTestId('report-description').fill('The billing page lists this month only.');
    await form.getByTestId('report-contactEmail').fill('');
    expect(await form.getByTestId('report-notifyByEmail').count()).toBe(0);
    await form.getByTestId('report-contactEmail').fill('ana@example.com');
    const box = form.getByLabel('Tell me by e-mail when this request changes');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await form.getByTestId('send').click();
    formReference = (
      (await form.getByTestId('sent-reference').textContent({ timeout: 30_000 })) ?? ''
    ).trim();
    expect(formReference).toMatch(/^SD-\d+$/);
    const body = JSON.parse((await reportRow(formReference)).body);
    expect(body).toMatchObject({ contact_email: 'ana@example.com', notify_by_email: true });
    await form.close();
    await page.close();
  });

  it('shows a request waiting for the person with support’s words, and counts it on the badge', async () => {
    // A second request, sent earlier from this browser: the server has it, the extension remembers it.
    const other = await insertReport(server.running.store, { images: 0, title: 'Prices show twice' });
    otherReference = other.reference;
    const secret = sign(await serverKey(server.running.store.db, 'report-status'), other.reference);
    const page = await openReports();
    await page.evaluate(
      async (record) => {
        const db = await new Promise<IDBDatabase>((res) => {
          const r = indexedDB.open('snapdesk');
          r.onsuccess = () => res(r.result);
        });
        await new Promise((res) => {
          const tx = db.transaction('sent', 'readwrite');
          tx.objectStore('sent').put(record);
          tx.oncomplete = res;
        });
      },
      {
        reference: other.reference,
        outboxId: 'earlier',
        secret,
        statusUrl: `${server.url}/api/reports/${other.reference}/status`,
        title: 'Prices show twice',
        pageUrl: `${site.url}/tall.html`,
        sentAt: new Date(Date.now() - 60_000).toISOString(),
        incident: null,
        state: 'received',
        muted: false,
      },
    );

    await support(formReference, { state: 'waiting_for_customer', reply: 'Which account do you use?' });
    await refresh(page);
    const i = await rowOf(page, formReference);
    expect(await page.getByTestId(`request-state-${i}`).textContent()).toBe('Waiting for you');
    expect(await page.getByTestId(`latest-comment-${i}`).textContent()).toContain(
      'Which account do you use?',
    );
    await expect.poll(badgeText).toBe('1');

    // Its history: the change of state and support's comment, from the full status.
    await page.getByTestId(`history-toggle-${i}`).click();
    expect(await page.getByTestId(`history-toggle-${i}`).getAttribute('aria-expanded')).toBe('true');
    const history = page.getByTestId(`history-${i}`);
    await history.locator('ol.timeline').waitFor();
    expect(await history.textContent()).toContain('Waiting for you');
    expect(await history.textContent()).toContain('Which account do you use?');
    await page.close();
  });

  it('an answer goes to support, the request is in progress again and the badge clears', async () => {
    const page = await openReports();
    const i = await rowOf(page, formReference);
    await page.getByTestId(`answer-send-${i}`).click();
    expect(await page.getByTestId(`answer-problem-${i}`).textContent()).toBe('Write your answer first.');
    await page.getByLabel('Your answer', { exact: true }).fill('The Acme Retail account, branch 12.');
    await page.getByTestId(`answer-send-${i}`).click();
    await expect
      .poll(() =>
        page
          .getByTestId('request-notice')
          .textContent()
          .catch(() => ''),
      )
      .toBe('Your answer was sent.');
    await expect.poll(() => page.getByTestId(`request-state-${i}`).textContent()).toBe('In progress');
    expect(await page.getByTestId(`answer-form-${i}`).count()).toBe(0);
    const answer = (await events(formReference)).find((e) => e.kind === 'answer');
    expect(answer?.body).toBe('The Acme Retail account, branch 12.');
    expect((await reportRow(formReference)).request_state).toBe('in_progress');
    await expect.poll(badgeText).toBe('');
    await page.close();
  });

  it('the bell mutes one request’s notifications, and stays as set', async () => {
    const page = await openReports();
    const i = await rowOf(page, formReference);
    const bell = page.getByTestId(`request-bell-${i}`);
    expect(await bell.getAttribute('aria-pressed')).toBe('false');
    expect(await bell.getAttribute('aria-label')).toBe(`Mute notifications for ${formReference}`);
    await bell.click();
    await expect.poll(() => bell.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByTestId('sent-reports').waitFor();
    const j = await rowOf(page, formReference);
    expect(await page.getByTestId(`request-bell-${j}`).getAttribute('aria-pressed')).toBe('true');
    const other = await rowOf(page, otherReference);
    expect(await page.getByTestId(`request-bell-${other}`).getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId(`request-bell-${j}`).click();
    await expect.poll(() => page.getByTestId(`request-bell-${j}`).getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('a resolved request is reopened with a reason', async () => {
    await support(formReference, { state: 'resolved', reply: 'The invoices are under Billing → Documents.' });
    const page = await openReports();
    const i = await rowOf(page, formReference);
    await page.getByTestId(`resolved-${i}`).waitFor();
    await page.getByTestId(`reopen-${i}`).click();
    await page.getByLabel('Why is it not solved?').fill('Billing shows no Documents tab for me.');
    await page.getByTestId(`reopen-send-${i}`).click();
    await expect.poll(() => page.getByTestId(`request-state-${i}`).textContent()).toBe('Reopened');
    expect(await page.getByTestId('request-notice').textContent()).toBe(
      'The request is open again; support will look at it once more.',
    );
    const reopened = (await events(formReference)).at(-1);
    expect(reopened).toMatchObject({ to_state: 'reopened', body: 'Billing shows no Documents tab for me.' });
    await page.close();
  });

  it('a resolved request is confirmed and closed; the server’s refusal is shown when it is too late', async () => {
    await support(otherReference, { state: 'resolved' });
    await support(formReference, { state: 'resolved' });
    const page = await openReports();
    const other = await rowOf(page, otherReference);
    await page.getByTestId(`confirm-${other}`).click();
    await expect.poll(() => page.getByTestId(`request-state-${other}`).textContent()).toBe('Closed');
    expect((await reportRow(otherReference)).request_state).toBe('closed');
    // A closed request is not followed any more: no bell.
    expect(await page.getByTestId(`request-bell-${other}`).count()).toBe(0);

    // Support closes the other one meanwhile; the page still offers to confirm it.
    await support(formReference, { state: 'closed' });
    const i = await rowOf(page, formReference);
    await page.getByTestId(`confirm-${i}`).click();
    const refusal = page.getByTestId(`resolved-problem-${i}`);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^The server refused: .+/);
    expect(await refusal.getAttribute('role')).toBe('alert');
    await page.close();
  });
});
