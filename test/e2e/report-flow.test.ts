import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configureServer,
  type ExtensionBrowser,
  launchWithExtension,
  readDraft,
  reportPage,
  type StatusServer,
  servePages,
  startStatusServer,
} from './helpers/harness.ts';

/** Fills the "Something is broken" form the way a person would. */
async function fillBrokenReport(form: Page, title: string): Promise<void> {
  await form.getByTestId('report-type-bug').click();
  await form.getByTestId('report-title').fill(title);
  await form.getByTestId('report-description').fill('The invoice button shows an empty page.');
  await form.getByTestId('report-stepsToReproduce').fill('1. Open order 456\n2. Click "Invoice"');
  await form.getByTestId('report-priority-normal').click();
  await form.getByTestId('report-contactEmail').fill('ana@example.com');
}

describe('sending a report from the form to the status server', () => {
  let site: Awaited<ReturnType<typeof servePages>>;
  let server: StatusServer;
  let b: ExtensionBrowser;

  beforeAll(async () => {
    site = await servePages();
    server = await startStatusServer();
    b = await launchWithExtension();
    await configureServer(b, server.url);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await site?.close();
  });

  const storedReports = (title: string) =>
    server.running.store.db.selectFrom('reports').selectAll().where('title', '=', title).execute();

  it('arrives with its fields and images, and the form shows the reference', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/tall.html`);
    const { reportPage: form } = await reportPage(b, page);
    const title = 'Invoice for order 456 opens an empty page';
    await fillBrokenReport(form, title);
    await form.getByTestId('send').click();
    const reference = (await form.getByTestId('sent-reference').textContent({ timeout: 30_000 }))?.trim();
    expect(reference).toMatch(/SD-\d+/);

    const [row, ...others] = await storedReports(title);
    expect(others).toHaveLength(0);
    expect(reference).toContain(row?.reference);
    expect(row).toMatchObject({ type: 'bug', priority: 'normal', page_host: '127.0.0.1' });
    const body = JSON.parse(row?.body ?? '{}');
    expect(body.environment.url).toBe(`${site.url}/tall.html`);
    expect(body.contact_email).toBe('ana@example.com');
    const images = await server.running.store.db
      .selectFrom('report_attachments')
      .select(['name', 'content_type', 'method', 'height', 'width'])
      .where('report_id', '=', row?.id as string)
      .orderBy('position')
      .execute();
    expect(images.map((i) => i.method)).toEqual(['stitched', 'viewport']);
    for (const i of images) expect(['image/webp', 'image/png', 'image/jpeg']).toContain(i.content_type);
    expect(images[0]?.height).toBeGreaterThan(5000);
    await form.close();
    await page.close();
  });

  it('a report sent while the server is down arrives exactly once when it returns', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/broken.html`);
    const { reportPage: form } = await reportPage(b, page);
    const title = 'Checkout explodes after the cart total fails';
    await fillBrokenReport(form, title);
    await server.pause();
    await form.getByTestId('send').click();
    await form.getByTestId('sent-retrying').waitFor({ timeout: 30_000 });
    expect(await storedReports(title)).toHaveLength(0);

    await server.resume();
    // What the browser does when the network comes back (or the retry alarm fires): try the outbox.
    await form.evaluate(() => chrome.runtime.sendMessage({ type: 'deliver' }));
    const reference = (await form.getByTestId('sent-reference').textContent({ timeout: 30_000 }))?.trim();
    expect(reference).toMatch(/SD-\d+/);
    // Further deliveries find nothing left to send, and the server holds the report once.
    await form.evaluate(() => chrome.runtime.sendMessage({ type: 'deliver' }));
    expect(await storedReports(title)).toHaveLength(1);
    await form.close();
    await page.close();
  });

  it('keeps a draft, with what was typed, when the browser is closed and opened again', async () => {
    const page = await b.context.newPage();
    await page.goto(`${site.url}/tall.html`);
    const { reportPage: form, draftId } = await reportPage(b, page);
    await form.getByTestId('report-title').fill('Half-written report about the invoice page');
    // Typing is saved after a short pause; close only once it is in the database.
    await expect
      .poll(
        async () => ((await readDraft(form, draftId))?.form as Record<string, string> | undefined)?.title,
        {
          timeout: 10_000,
        },
      )
      .toBe('Half-written report about the invoice page');
    const profile = b.profile;
    await b.close({ keepProfile: true });

    b = await launchWithExtension(profile);
    await configureServer(b, server.url);
    const reopened = await b.context.newPage();
    await reopened.goto(`chrome-extension://${b.extensionId}/report.html?draft=${draftId}`);
    await expect
      .poll(() => reopened.getByTestId('report-title').inputValue(), { timeout: 10_000 })
      .toBe('Half-written report about the invoice page');
    const draft = await readDraft(reopened, draftId);
    expect(draft?.id).toBe(draftId);
    await reopened.close();
  });
});

/** The extension API inside the report page, where `form.evaluate` callbacks run. */
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
