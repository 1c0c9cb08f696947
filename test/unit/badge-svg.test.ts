import { describe, expect, it } from 'vitest';
import { uptimeTone } from '../../status-server/badges/badge.ts';
import {
  BADGE_HEIGHT,
  type Badge,
  badgeStyles,
  cleanText,
  renderBadge,
  textWidth,
} from '../../status-server/badges/svg.ts';

const badge = (over: Partial<Badge> = {}): Badge => ({
  label: 'Checkout',
  message: 'operational',
  color: '#1a7f37',
  style: 'flat',
  locale: 'en',
  ...over,
});

/** The texts drawn (shadows left out), as the XML says them. */
const drawnTexts = (svg: string) =>
  [...svg.matchAll(/<text (?![^>]*aria-hidden)[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

/** Every element's name and attribute names, leaving out text content (escaped, so only text). */
const markup = (svg: string) =>
  [...svg.matchAll(/<([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)].map((m) => ({
    element: m[1] ?? '',
    attributes: [...(m[2] ?? '').matchAll(/([\w:-]+)="/g)].map((a) => a[1] ?? ''),
  }));

/** The elements and attributes a badge may have: nothing that runs, links or loads. */
const ELEMENTS = ['svg', 'title', 'linearGradient', 'stop', 'clipPath', 'rect', 'g', 'text'];
const ATTRIBUTES = [
  ...['xmlns', 'width', 'height', 'viewBox', 'role', 'aria-label', 'xml:lang', 'id', 'x', 'y', 'x2', 'y2'],
  ...['offset', 'stop-color', 'stop-opacity', 'rx', 'fill', 'fill-opacity', 'clip-path', 'shape-rendering'],
  ...['text-anchor', 'font-family', 'font-size', 'font-weight', 'text-rendering', 'transform', 'textLength'],
  'aria-hidden',
];

/** Asserts that the SVG is only the allowed elements and attributes, and that every tag is one of them. */
function expectOnlySafeMarkup(svg: string) {
  const tags = markup(svg);
  expect(tags.length).toBe((svg.match(/<(?!\/)/g) ?? []).length);
  for (const { element, attributes } of tags) {
    expect(ELEMENTS).toContain(element);
    for (const a of attributes) expect(ATTRIBUTES, `${element} ${a}`).toContain(a);
  }
  // No "<" but the tags': whatever a text said is escaped.
  expect(svg).not.toMatch(/<(?!\/?(svg|title|linearGradient|stop|clipPath|rect|g|text)[\s>/])/);
}

const attr = (svg: string, name: string) => new RegExp(`<svg [^>]*\\b${name}="([^"]*)"`).exec(svg)?.[1];

/** Every text's textLength, in pixels (they are drawn at 10× and scaled down). */
const textLengths = (svg: string) =>
  [...svg.matchAll(/<text (?![^>]*aria-hidden)[^>]*textLength="([\d.]+)"/g)].map((m) => Number(m[1]) / 10);

describe('badge text widths', () => {
  it('grow with the text and are positive for every character the page speaks', () => {
    expect(textWidth('Partial outage')).toBeGreaterThan(textWidth('Partial'));
    expect(textWidth('Partial')).toBeGreaterThan(0);
  });

  it('are never less than Verdana’s (shields.io’s table) or DejaVu Sans’s (Chromium on Linux), nor much more', () => {
    // [text, Verdana 11px, DejaVu Sans 11px, Verdana bold 10px capitals, DejaVu Sans bold 10px capitals]
    const measured: [string, number, number, number, number][] = [
      ['operational', 62.0, 62.61, 81.62, 78.85],
      ['Částečný výpadek', 100.36, 101.12, 115.19, 114.38],
      ['Performanță degradată', 128.14, 128.21, 157.97, 157.6],
      ['Частичный сбой', 92.5, 93.62, 108.68, 108.84],
      ['Часткова недоступність', 135.58, 140.47, 162.08, 162.22],
    ];
    for (const [text, verdana, dejavu, verdanaBold, dejavuBold] of measured) {
      const regular = textWidth(text);
      expect(regular, text).toBeGreaterThanOrEqual(Math.max(verdana, dejavu));
      expect(regular, text).toBeLessThan(Math.max(verdana, dejavu) * 1.05);
      const bold = textWidth(text.toUpperCase(), 'bold-10');
      expect(bold, text).toBeGreaterThanOrEqual(Math.max(verdanaBold, dejavuBold));
      expect(bold, text).toBeLessThan(Math.max(verdanaBold, dejavuBold) * 1.05);
    }
  });

  it('measures Czech, Romanian and Cyrillic letters from the table, not the fallback', () => {
    const fallback = textWidth('\u4e00'); // a CJK ideograph: outside the table
    expect(fallback).toBeGreaterThanOrEqual(11);
    for (const ch of 'řůěščžýáíéťďňŘŮĚŠČŽșțăîâȘȚĂÎÂЖщЮыёЁїієґЇІЄҐ') {
      const w = textWidth(ch);
      expect(w, ch).toBeGreaterThan(3);
      expect(w, ch).toBeLessThan(fallback);
    }
    // Diacritics keep roughly their base letter's width.
    expect(Math.abs(textWidth('ů') - textWidth('u'))).toBeLessThan(1);
    expect(Math.abs(textWidth('ș') - textWidth('s'))).toBeLessThan(1);
    expect(textWidth('Частичный сбой')).toBeGreaterThan(80);
  });

  it('counts combining marks as nothing, and anything unknown as wide', () => {
    expect(textWidth('\u0301')).toBe(0);
    expect(textWidth('😀')).toBeGreaterThanOrEqual(13);
    expect(textWidth('😀')).toBe(textWidth('\u4e00'));
  });

  it('for-the-badge measures the locale’s capitals, bold and letter-spaced', () => {
    const flat = renderBadge(badge({ message: 'operational' }));
    const big = renderBadge(badge({ message: 'operational', style: 'for-the-badge' }));
    expect(drawnTexts(big)).toEqual(['CHECKOUT', 'OPERATIONAL']);
    expect(textLengths(big)[1]).toBeGreaterThan(textLengths(flat)[1] ?? 0);
    // Turkish capitals: i → İ, measured as drawn.
    expect(drawnTexts(renderBadge(badge({ message: 'iş', style: 'for-the-badge', locale: 'tr' })))[1]).toBe(
      'İŞ',
    );
    // An unknown locale does not throw: plain upper case.
    expect(
      drawnTexts(renderBadge(badge({ message: 'ok', style: 'for-the-badge', locale: 'not a locale!' })))[1],
    ).toBe('OK');
  });

  it('sizes each half from its text, with room on both sides', () => {
    for (const style of badgeStyles) {
      const short = renderBadge(badge({ style, label: 'API', message: 'up' }));
      const long = renderBadge(
        badge({ style, label: 'Платёжный шлюз и возвраты', message: 'Частичный сбой' }),
      );
      expect(Number(attr(long, 'width')), style).toBeGreaterThan(Number(attr(short, 'width')));
      const [labelLength = 0, messageLength = 0] = textLengths(long);
      const left = Number(/<rect width="(\d+)" height="\d+" fill="#555"\/>/.exec(long)?.[1]);
      expect(left, style).toBeGreaterThanOrEqual(labelLength + 8);
      expect(Number(attr(long, 'width')) - left, style).toBeGreaterThanOrEqual(messageLength + 8);
    }
  });
});

describe('badge SVG', () => {
  it('has each style’s height', () => {
    expect(BADGE_HEIGHT).toEqual({ flat: 20, 'flat-square': 20, 'for-the-badge': 28 });
    for (const style of badgeStyles) {
      const svg = renderBadge(badge({ style }));
      expect(attr(svg, 'height'), style).toBe(String(BADGE_HEIGHT[style]));
      expect(svg, style).toContain(`height="${BADGE_HEIGHT[style]}" fill="#1a7f37"`);
    }
    expect(renderBadge(badge({ style: 'flat' }))).toContain('rx="3"');
    expect(renderBadge(badge({ style: 'flat' }))).toContain('<linearGradient');
    for (const style of ['flat-square', 'for-the-badge'] as const) {
      expect(renderBadge(badge({ style }))).not.toMatch(/rx=|linearGradient|fill-opacity/);
    }
  });

  it('says "label: message" as its title and aria-label, with role="img" and the language', () => {
    const svg = renderBadge(badge({ label: 'Platební brána', message: 'Částečný výpadek', locale: 'cs' }));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-label')).toBe('Platební brána: Částečný výpadek');
    expect(attr(svg, 'xml:lang')).toBe('cs');
    expect(svg).toContain('<title>Platební brána: Částečný výpadek</title>');
    // for-the-badge shows capitals but says the words as written.
    const big = renderBadge(badge({ style: 'for-the-badge' }));
    expect(attr(big, 'aria-label')).toBe('Checkout: operational');
    // No label: the message alone.
    const alone = renderBadge(badge({ label: '' }));
    expect(attr(alone, 'aria-label')).toBe('operational');
    expect(drawnTexts(alone)).toEqual(['operational']);
    expect(alone).not.toContain('fill="#555"');
  });

  it('escapes every text, so markup in a label stays text', () => {
    const nasty = `<script>alert("x")</script> & 'q' <a href="javascript:x" onload="y">`;
    for (const style of badgeStyles) {
      const svg = renderBadge(
        badge({ style, label: nasty, message: `</text><image href="x"/>`, locale: 'en' }),
      );
      expectOnlySafeMarkup(svg);
      expect(svg, style).toContain('&#60;script&#62;');
      expect(svg, style).toContain('&#38; &#39;q&#39;');
      // Every text is one <text> with no markup inside.
      for (const t of drawnTexts(svg)) expect(t).not.toMatch(/[<>"']/);
      expect(drawnTexts(svg)).toHaveLength(2);
    }
    expect(attr(renderBadge(badge({ label: nasty })), 'aria-label')).toBe(
      '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;q&#39; &#60;a href=&#34;javascript:x&#34; onload=&#34;y&#34;&#62;: operational',
    );
  });

  it('writes no colour or language it was not given as such', () => {
    const svg = renderBadge(badge({ color: 'red" onload="x', locale: 'en" onload="y' }));
    expect(svg).not.toMatch(/onload/);
    expect(svg).toContain('fill="#9f9f9f"');
    expect(attr(svg, 'xml:lang')).toBe('und');
    expect(renderBadge(badge({ color: '#ABC' }))).toContain('fill="#aabbcc"');
    // A light colour gets dark text, as shields.io does; the page's colours all get white.
    expect(drawnTexts(renderBadge(badge({ color: '#ffffff' }))).length).toBe(2);
    expect(renderBadge(badge({ color: '#ffffff' }))).toContain('fill="#333"');
    expect(renderBadge(badge({ color: '#cf222e' }))).not.toContain('fill="#333"');
  });

  it('strips control and bidi-override characters, lone surrogates become U+FFFD', () => {
    expect(cleanText('a\u0000b\u0007c\u007f\u009fd')).toBe('abcd');
    expect(cleanText('  line\none\t\r\ntwo  ')).toBe('line one two');
    expect(cleanText('evil\u202Etxt.exe\u2066')).toBe('eviltxt.exe');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('😀')).toBe('😀');
    // Composed, so a decomposed "ů" is measured and drawn as one letter.
    expect(cleanText('u\u030a')).toBe('ů');
    const svg = renderBadge(badge({ label: 'a\u0000\u0001b', message: 'c\u001bd' }));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(drawnTexts(svg)).toEqual(['ab', 'cd']);
  });

  it('has no script, link, external reference or event attribute in any style', () => {
    for (const style of badgeStyles) {
      const svg = renderBadge(
        badge({ style, label: 'Платёжный шлюз', message: 'Частичный сбой', locale: 'ru' }),
      );
      expectOnlySafeMarkup(svg);
      expect(svg).not.toMatch(/\son\w+=|href|@import|javascript:/i);
      // The only url() are the badge's own gradient and clip path.
      for (const m of svg.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#[a-z0-9]+$/);
    }
  });

  it('gives inlined badges distinct ids, so two on one page keep their own shapes', () => {
    const a = renderBadge(badge({ message: 'operational' }));
    const b = renderBadge(badge({ message: 'Partial outage' }));
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a)).toHaveLength(2);
    expect(ids(a).some((id) => ids(b).includes(id))).toBe(false);
    expect(renderBadge(badge())).toBe(renderBadge(badge()));
  });
});

describe('uptimeTone', () => {
  it('colours an uptime figure by how good it is, in the page’s colours', () => {
    expect([100, 99.9, 99.89, 99, 98.99, 95, 94.99, 0].map(uptimeTone)).toEqual([
      'none',
      'none',
      'minor',
      'minor',
      'major',
      'major',
      'critical',
      'critical',
    ]);
  });
});
