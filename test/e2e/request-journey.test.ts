import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../helpers/images.ts';
import { API_USER, type RedmineReceiver, startRedmineReceiver } from '../helpers/redmine.ts';
import {
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  reportPage,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

/** The extension API inside its worker, where `evaluate` callbacks run. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

const API_KEY = 'journey-redmine-key';
// Redmine's default statuses, as the default SNAPDESK_REDMINE_STATUS_MAP reads them.
const FEEDBACK = 4;
const RESOLVED = 3;
const CLOSED = 5;

/**
 * A request's whole life, with every part real but Redmine (a stand-in speaking its documented REST
 * API on loopback): the person reports from a page in Chromium, the report becomes a Redmine issue,
 * support asks a question there, the extension's badge and My reports show it, the person answers
 * with an image, the answer reaches the issue as a note with the upload, support resolves it, the
 * person confirms, and the issue is closed in Redmine too. Then an incident on the tab's host raises
 * a notification. Nothing waits a fixed time: each step polls the state it expects.
 */
describe('a request from the page to Redmine and back', { timeout: 180_000 }, () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let redmine: RedmineReceiver;
  let server: StatusServer;
  let b: ExtensionBrowser;
  let reference: string;
  let issueId: number;
  let sitePage: Page;

  beforeAll(async () => {
    site = await servePages();
    redmine = await startRedmineReceiver(API_KEY);
    server = await startStatusServer({
      SNAPDESK_REDMINE_URL: redmine.url,
      SNAPDESK_REDMINE_API_KEY: API_KEY,
      SNAPDESK_REDMINE_PROJECT: 'support',
    });
    b = await launchWithExtension();
    await configureServer(b, server.url);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await redmine?.stop();
    await site?.close();
  });

  const badgeText = () => b.worker.evaluate(() => chrome.action.getBadgeText({}));
  const notifications = async () => Object.keys(await b.worker.evaluate(() => chrome.notifications.getAll()));
  /** The extension's minute alarm, fired now as the browser would fire it. */
  const checkRequests = () => b.worker.evaluate(() => chrome.alarms.create('requests', { when: Date.now() }));
  /**
   * The server's Redmine poll, now rather than at its next minute. The server's own scheduled poll
   * may hold the lease at that moment (it answers 'not-due' then): this one runs once that is done.
   */
  const pollRedmine = async () => {
    const poller = server.running.redminePoller;
    expect(poller).toBeDefined();
    const deadline = Date.now() + 30_000;
    let outcome = await poller?.tick({ force: true });
    while (outcome === 'not-due' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      outcome = await poller?.tick({ force: true });
    }
    expect(outcome).toBe('polled');
  };
  const requestState = async () =>
    (
      await server.running.store.db
        .selectFrom('reports')
        .select('request_state')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
    ).request_state;
  const ourJournals = () => redmine.issue(issueId).journals.filter((j) => j.user.id === API_USER.id);
  const openReports = async (): Promise<{ page: Page; row: number }> => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/reports.html`);
    await page.getByTestId('sent-reports').waitFor();
    const refs = await page.locator('[data-testid^="sent-ref-"]').allTextContents();
    return { page, row: refs.indexOf(reference) };
  };

  it('sends a report from the page; it becomes a Redmine issue', async () => {
    sitePage = await b.context.newPage();
    await sitePage.goto(`${site.url}/broken.html`);
    const { reportPage: form } = await reportPage(b, sitePage);
    await form.getByTestId('report-type-question').click();
    await form.getByTestId('report-title').fill('The order history stops at March');
    await form.getByTestId('report-description').fill('Orders from April on are not listed.');
    await form.getByTestId('report-contactEmail').fill('ana@example.com');
    await form.getByTestId('send').click();
    reference = ((await form.getByTestId('sent-reference').textContent({ timeout: 30_000 })) ?? '').trim();
    expect(reference).toMatch(/^SD-\d+$/);
    await form.close();

    // The server's worker forwards it; the request is open at the help desk.
    await expect.poll(() => redmine.issues.length, { timeout: 30_000 }).toBe(1);
    issueId = redmine.issues[0]?.id ?? 0;
    expect(redmine.issues[0]?.fields.subject).toBe(`[${reference}] The order history stops at March`);
    await expect.poll(requestState, { timeout: 15_000 }).toBe('open');
  });

  it('support asks in Redmine; the badge counts it and My reports shows the question', async () => {
    redmine.support(issueId, { status: FEEDBACK, notes: 'Which of your shops is it?' });
    redmine.support(issueId, { notes: 'Internal: check the March migration.', private: true });
    await pollRedmine();
    expect(await requestState()).toBe('waiting_for_customer');

    await checkRequests();
    await expect.poll(badgeText, { timeout: 15_000 }).toBe('1');
    await expect.poll(notifications, { timeout: 15_000 }).toContain(`request:${reference}`);

    const { page, row } = await openReports();
    expect(await page.getByTestId(`request-state-${row}`).textContent()).toBe('Waiting for you');
    const comment = await page.getByTestId(`latest-comment-${row}`).textContent();
    expect(comment).toContain('Which of your shops is it?');
    // A private note in Redmine never reaches the customer.
    expect(comment).not.toContain('Internal');
    await page.close();
  });

  it('the person answers with an image; Redmine gets the note and the upload', async () => {
    const { page, row } = await openReports();
    await page.getByTestId(`answer-text-${row}`).fill('The shop in Brno, branch 12.');
    await page.getByTestId(`answer-files-${row}`).setInputFiles({
      name: 'orders.png',
      mimeType: 'image/png',
      buffer: makePng(120, 80, [200, 40, 40]),
    });
    await page.getByTestId(`answer-images-${row}`).waitFor();
    await page.getByTestId(`answer-send-${row}`).click();
    await expect.poll(() => page.getByTestId(`request-state-${row}`).textContent()).toBe('In progress');
    await expect.poll(badgeText, { timeout: 15_000 }).toBe('');

    // The answer goes through the server's job queue to Redmine: a note and its upload.
    await expect.poll(() => ourJournals().length, { timeout: 30_000 }).toBe(1);
    const [note] = ourJournals();
    expect(note?.notes).toContain('The shop in Brno, branch 12.');
    const attachments = redmine.issue(issueId).attachments;
    expect(attachments.map((a) => a.filename)).toContain('orders.png');
    expect(
      attachments
        .find((a) => a.filename === 'orders.png')
        ?.data.subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await page.close();
  });

  it('support resolves it in Redmine; the person confirms, and the issue is closed there too', async () => {
    redmine.support(issueId, { status: RESOLVED, notes: 'Fixed: the history shows every month again.' });
    await pollRedmine();
    expect(await requestState()).toBe('resolved');

    const { page, row } = await openReports();
    await page.getByTestId(`confirm-${row}`).click();
    await expect.poll(() => page.getByTestId(`request-state-${row}`).textContent()).toBe('Closed');
    expect(await requestState()).toBe('closed');
    await expect.poll(() => redmine.issue(issueId).status_id, { timeout: 30_000 }).toBe(CLOSED);

    // The poll after it reads our own change and changes nothing back.
    await pollRedmine();
    expect(await requestState()).toBe('closed');
    await page.close();
  });

  it('an incident declared for the tab’s host raises a notification with the badge', async () => {
    const component = (await server.admin('/components', { name: 'Shop', hosts: ['127.0.0.1'] })).component;
    const { incident } = await server.admin('/incidents', {
      name: 'Order history is slow',
      message: 'Pages of the order history take a minute to load.',
      impact: 'minor',
      components: { [component.id]: 'degraded_performance' },
    });
    await sitePage.bringToFront();
    await b.worker.evaluate(() => chrome.alarms.create('incidents', { when: Date.now() }));
    await expect
      .poll(async () => (await notifications()).some((id) => id.includes(`/incidents/${incident.id}`)), {
        timeout: 15_000,
      })
      .toBe(true);
    await expect.poll(badgeText, { timeout: 15_000 }).toBe('!');
  });
});
