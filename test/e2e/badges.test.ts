import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../shared/i18n/locales.ts';
import { type Badge, type BadgeStyle, badgeStyles, renderBadge } from '../../status-server/badges/svg.ts';
import { near } from './helpers/harness.ts';

/** The status colours of the page's light theme (Primer's), by status indicator, and grey for none. */
const toneColors = {
  none: '#1a7f37',
  minor: '#9a6700',
  major: '#bc4c00',
  critical: '#cf222e',
  maintenance: '#0969da',
  neutral: '#59636e',
};

/** The longest texts a badge shows in each language: every status word, and long component names. */
const LABELS: Record<string, string[]> = {
  en: ['Payment gateway and refunds', 'Status'],
  cs: ['Platební brána a vrácení peněz', 'Žluťoučký kůň úpěl ďábelské ódy'],
  es: ['Pasarela de pagos y reembolsos', 'Señalización ÁÉÍÓÚ'],
  ro: ['Poarta de plăți și rambursări', 'Țările își împărtășesc ȘȚĂÎÂ'],
  ru: ['Платёжный шлюз и возвраты', 'Щётка ЖЮЯЫЁ'],
  uk: ['Платіжний шлюз і повернення коштів', 'Ґанок їжака ЄЇІҐ'],
};

const STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;

/** Every status word of every language, paired with a label, so each text is drawn in each style. */
function textsToCheck(): Omit<Badge, 'style' | 'color'>[] {
  const out: Omit<Badge, 'style' | 'color'>[] = [];
  for (const [locale, catalogue] of Object.entries(locales)) {
    const page = catalogue.page as Record<string, string>;
    const labels = LABELS[locale] ?? [];
    const messages = [
      ...STATUSES.map((s) => page[`component.status.${s}`] ?? ''),
      page['status.allOperational'] ?? '',
      '99.98 %',
    ];
    messages.forEach((message, i) => {
      out.push({ label: labels[i % labels.length] ?? 'Status', message, locale });
    });
  }
  return out;
}

/** The label box and the message box of a rendered badge, in SVG pixels. */
function boxes(svg: string) {
  const width = Number(/^<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
  const left = Number(/<rect x="(\d+)" width="\d+"/.exec(svg)?.[1]);
  return { width, height, label: [0, left] as const, message: [left, width] as const };
}

const png = (buffer: Buffer) => PNG.sync.read(buffer);
const pixel = (image: PNG, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
};

describe('status badges drawn by Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
    page.on('dialog', (d) => {
      throw new Error(`a badge ran script: ${d.message()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('colours the right half in each status colour, in each style, as an <img>', async () => {
    const colors = Object.values(toneColors);
    const badges = badgeStyles.flatMap((style) =>
      colors.map((color) =>
        renderBadge({ label: 'Payment gateway', message: 'Partial outage', color, style, locale: 'en' }),
      ),
    );
    // A label with markup: the <img> still loads (the XML is well-formed) and runs nothing.
    badges.push(
      renderBadge({
        label: `<script>alert(1)</script> & "x" 'y'`,
        message: '<img src=x onerror=alert(2)>',
        color: toneColors.critical,
        style: 'flat',
        locale: 'en',
      }),
    );
    const rowHeight = 40;
    await page.setContent(
      `<body style="margin:0;background:#fff">${badges
        .map(
          (svg, i) =>
            `<img style="position:absolute;left:10px;top:${i * rowHeight}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
        )
        .join('')}</body>`,
    );
    const sizes = await page.evaluate(async () =>
      Promise.all(
        [...document.images].map(async (img) => {
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }),
      ),
    );
    sizes.forEach(([w, h], i) => {
      const box = boxes(badges[i] ?? '');
      expect([w, h], `badge ${i}`).toEqual([box.width, box.height]);
    });
    const shot = png(await page.screenshot({ fullPage: true }));

    badges.slice(0, -1).forEach((svg, i) => {
      const style = badgeStyles[Math.floor(i / colors.length)] as BadgeStyle;
      const color = colors[i % colors.length] ?? '';
      const box = boxes(svg);
      // The most frequent colour of the right half: its background (text and edges are fewer pixels).
      const counts = new Map<string, number>();
      for (let y = 0; y < box.height; y++) {
        for (let x = box.message[0]; x < box.message[1]; x++) {
          const key = pixel(shot, 10 + x, i * rowHeight + y).join(',');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      const [dominant] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [''];
      const expected = [1, 3, 5].map((k) => Number.parseInt(color.slice(k, k + 2), 16));
      const found = dominant.split(',').map(Number);
      // flat's gradient lays #bbb→#000 over it at 10 %: up to a tenth of the way to either.
      const tolerance = style === 'flat' ? 20 : 4;
      expect(near(found, expected, tolerance), `${style} ${color}: ${dominant}`).toBe(true);
      // The label half is the grey of shields.io's badges.
      const grey = pixel(shot, 10 + 2, i * rowHeight + Math.floor(box.height / 2));
      expect(near(grey, [0x55, 0x55, 0x55], style === 'flat' ? 12 : 2), `${style} label ${grey}`).toBe(true);
    });
  });

  /**
   * Draws each text of each badge alone, in black, without the badge's background and with the SVG
   * allowed to overflow, so ink past its box shows; returns each text's ink columns and its box.
   */
  async function inkOf(svgs: string[], withTextLength: boolean) {
    const margin = 60;
    const rowHeight = 36;
    const rows = svgs.flatMap((svg) => {
      const box = boxes(svg);
      const texts = [...svg.matchAll(/<text (?![^>]*aria-hidden)/g)].length;
      return Array.from({ length: texts }, (_, part) => ({
        svg,
        part,
        box: texts === 2 && part === 0 ? box.label : box.message,
      }));
    });
    await page.setContent(
      `<body style="margin:0;background:#fff">${rows.map((r) => `<div style="height:${rowHeight}px;padding-left:${margin}px">${r.svg}</div>`).join('')}</body>`,
    );
    await page.evaluate(
      ({ parts, withTextLength }) => {
        document.querySelectorAll('svg').forEach((svg, i) => {
          svg.style.overflow = 'visible';
          for (const el of svg.querySelectorAll('rect, linearGradient, clipPath, text[aria-hidden]'))
            el.remove();
          svg.querySelectorAll('text').forEach((t, j) => {
            if (j !== parts[i]) t.remove();
            t.setAttribute('fill', '#000');
            if (!withTextLength) t.removeAttribute('textLength');
          });
        });
      },
      { parts: rows.map((r) => r.part), withTextLength },
    );
    await page.evaluate(() => document.fonts.ready);
    const shot = png(await page.screenshot({ fullPage: true }));
    return rows.map((r, i) => {
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (let y = i * rowHeight; y < (i + 1) * rowHeight; y++) {
        for (let x = 0; x < shot.width; x++) {
          if (pixel(shot, x, y).some((v) => v < 250)) {
            first = Math.min(first, x - margin);
            last = Math.max(last, x - margin);
          }
        }
      }
      // Room between the ink and the box's edges, in whole pixels (pixel column `last` ends at last + 1).
      return {
        text: r.svg,
        part: r.part,
        box: r.box,
        first,
        last,
        left: first - r.box[0],
        right: r.box[1] - (last + 1),
      };
    });
  }

  it('sees clipping when there is some: a text drawn wider than its box', async () => {
    const svg = renderBadge({
      label: 'Payment gateway',
      message: 'Partial outage',
      color: '#cf222e',
      style: 'flat',
      locale: 'en',
    });
    const wide = svg.replace(/textLength="([\d.]+)"/g, (_, n) => `textLength="${Number(n) * 1.2}"`);
    const inks = await inkOf([svg, wide], true);
    expect(inks.slice(0, 2).every((i) => i.left >= 1 && i.right >= 1)).toBe(true);
    expect(inks.slice(2).every((i) => i.left < 1 && i.right < 1)).toBe(true);
  });

  for (const style of badgeStyles) {
    it(`never clips the longest text of any language in ${style}`, async () => {
      const svgs = textsToCheck().map((t) => renderBadge({ ...t, style, color: toneColors.major }));
      for (const withTextLength of [true, false]) {
        const inks = await inkOf(svgs, withTextLength);
        const mode = withTextLength ? 'as drawn' : 'without textLength';
        for (const ink of inks) {
          const what = `${style} ${mode}: ${ink.part ? 'message' : 'label'} of ${/aria-label="([^"]*)"/.exec(ink.text)?.[1]}`;
          expect(Number.isFinite(ink.first), `${what}: no ink`).toBe(true);
          expect(ink.left, `${what}: ${JSON.stringify(ink)}`).toBeGreaterThanOrEqual(1);
          expect(ink.right, `${what}: ${JSON.stringify({ ...ink, text: undefined })}`).toBeGreaterThanOrEqual(
            1,
          );
        }
        const least = (k: 'left' | 'right') => Math.min(...inks.map((i) => i[k]));
        console.log(
          `${style} ${mode}: ${inks.length} texts, least room left ${least('left')}px, right ${least('right')}px`,
        );
      }
    });
  }
});
