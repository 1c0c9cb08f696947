import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeResponse } from '../../shared/schemas/report.ts';
import { addConsoleUser } from '../../status-server/auth/passwords.ts';
import { loadConfig } from '../../status-server/config.ts';
import { listen, type Running, startServer } from '../../status-server/server.ts';
import { postReport, sampleReport } from '../helpers/intake.ts';
import { freePort } from '../helpers/net.ts';
import { insertReport } from '../helpers/reports.ts';
import { CHROMIUM_EXECUTABLE, CHROMIUM_FLAGS } from './helpers/harness.ts';

const SHOTS = '/tmp/console-shots';

describe('support console in Chromium', () => {
  let dir: string;
  let running: Running;
  let http: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  let email: string;
  let password: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'snapdesk-console-e2e-'));
    const port = await freePort();
    running = await startServer(
      loadConfig({ SNAPDESK_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' }),
    );
    http = listen(running, { port, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    email = 'agent@example.com';
    password = (await addConsoleUser(running.store.db, email, 'Ana Agent')) as string;
    browser = await chromium.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => http?.close(r));
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in, declares an incident for shop.test, and finds a report from that host linked to it', async () => {
    // Not logged in: the console sends the browser to its login form, which brings it back.
    await page.goto(`${base}/console/incidents`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/console/incidents`);
    expect(await page.getByText('Signed in as Ana Agent').count()).toBe(1);

    // A component serving shop.test, made through its form.
    await page.goto(`${base}/console/components/new`);
    await page.getByLabel('Name', { exact: true }).fill('Shop');
    await page.getByLabel('Host names').fill('shop.test');
    await page.getByRole('button', { name: 'Create component' }).click();
    await page.waitForURL(`${base}/console/components`);
    expect(await page.locator('td.mono', { hasText: 'shop.test' }).count()).toBe(1);

    // An incident for it, through the form.
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: 'Declare an incident' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Checkout fails on shop.test');
    await page.getByLabel('Impact', { exact: true }).selectOption('major');
    await page
      .getByLabel('Message', { exact: true })
      .fill('Payments fail at the last step. We are **investigating**.');
    await page.getByLabel(/^Shop/).selectOption('partial_outage');
    await page.getByRole('button', { name: 'Declare incident' }).click();
    await page.waitForURL(/\/console\/incidents\/[a-z0-9]{12}$/);
    const incidentId = page.url().split('/').pop() as string;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Checkout fails on shop.test');

    // A customer on shop.test reports a problem through the intake API; it is matched to the incident.
    const sent = await postReport(
      { request: (path, init) => fetch(`${base}${path}`, init) },
      {
        report: sampleReport({
          title: 'Payment page shows an error',
          environment: {
            ...sampleReport().environment,
            url: 'https://shop.test/checkout/pay',
            captured_at: new Date().toISOString(),
          },
        }),
      },
    );
    expect(sent.status).toBe(201);
    const { reference, incident } = intakeResponse.parse(await sent.json());
    expect(incident?.id).toBe(incidentId);
    // Other reports, so the inbox shows each deadline colour.
    await insertReport(running.store, {
      page_host: 'shop.test',
      title: 'Cart total is wrong',
      deadline_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    });
    await insertReport(running.store, {
      page_host: 'api.test',
      title: 'Invoice export stuck',
      deadline_at: new Date(Date.now() + 20 * 60_000).toISOString(),
      state: 'failed',
    });

    await page.reload();
    const linked = page.getByRole('link', { name: reference });
    expect(await linked.count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/incident.png`, fullPage: true });

    await linked.click();
    await page.waitForURL(`${base}/console/reports/${reference}`);
    const images = page.locator('.gallery img');
    expect(await images.count()).toBe(2);
    // The images really loaded through the console's authenticated route.
    await images.first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.gallery img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    );
    expect(await images.first().evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(40);
    await page.screenshot({ path: `${SHOTS}/report.png`, fullPage: true });

    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('link', { name: 'By response deadline' }).click();
    expect(await page.locator('tr.late .due', { hasText: 'overdue by 2 h' }).count()).toBe(1);
    expect(await page.locator('tr.soon .due', { hasText: /due in (19|20) min/ }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/inbox.png`, fullPage: true });

    // Logging out ends the session: the inbox asks for a login again.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${base}/console/login`);
    await page.goto(`${base}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
  }, 120_000);
});
