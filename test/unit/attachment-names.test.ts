import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName } from '../../status-server/domain/file-names.ts';

const PNG = 'image/png';
const utf8Bytes = (s: string) => new TextEncoder().encode(s).byteLength;

/** Nothing a header, a path or a reader's eye could trip over. */
function expectHarmless(name: string) {
  expect(name).not.toMatch(/[/\\"'<>:|?*%;\r\n]/);
  expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u);
  expect(name).not.toMatch(/^[\s.-]/);
  expect(utf8Bytes(name)).toBeLessThanOrEqual(160);
}

describe('attachment names', () => {
  it('keeps a path-and-header-injection attempt to its last harmless part, typed by its bytes', () => {
    const hostile = '../../evil"\r\nContent-Type: text/html.html';
    const name = safeFileName(hostile, PNG);
    expect(name).toBe('html.png');
    expectHarmless(name);
    expect(safeFileName('..\\..\\windows\\system32\\evil"\r\n.html', PNG)).toBe('evil.png');
    expect(safeFileName('C:\\Users\\ana\\Desktop\\Captură ecran.PNG', PNG)).toBe('Captură ecran.png');
  });

  it('takes the extension from the sniffed type, whatever the reporter called the file', () => {
    expect(safeFileName('x.html', PNG)).toBe('x.png');
    expect(safeFileName('x.html', 'image/jpeg')).toBe('x.jpg');
    expect(safeFileName('x.svg', 'image/webp')).toBe('x.webp');
    expect(safeFileName('x.js', 'image/gif')).toBe('x.gif');
    expect(safeFileName('invoice.html', 'application/pdf')).toBe('invoice.pdf');
    expect(safeFileName('shot.jpeg', 'image/jpeg')).toBe('shot.jpg');
    expect(safeFileName('no extension at all', PNG)).toBe('no extension at all.png');
    // A dot inside the name is not an extension unless it looks like one.
    expect(safeFileName('Order 4.5 failed', PNG)).toBe('Order 4.5 failed.png');
    expect(safeFileName('Screenshot 2025-03-04 at 10.15.30.png', PNG)).toBe(
      'Screenshot 2025-03-04 at 10.15.30.png',
    );
  });

  it('drops NUL, line breaks and other control characters, and collapses white space', () => {
    expect(safeFileName('shot\u0000.html', PNG)).toBe('shot.png');
    expect(safeFileName('a\u0000b\u0007c.png', PNG)).toBe('a b c.png');
    expect(safeFileName('  many \t\t spaces\u00a0\u3000here  .png', PNG)).toBe('many spaces here.png');
    expect(safeFileName('line\r\nbreak\u2028sep\u0085.png', PNG)).toBe('line break sep.png');
  });

  it('defuses a right-to-left override and other invisible format characters', () => {
    // Shown as "invoicegnp.exe" reversed: "invoiceexe.png" to the eye, an .exe to the system.
    const name = safeFileName('invoice\u202egnp.exe', PNG);
    expect(name).toBe('invoice_gnp.png');
    expectHarmless(name);
    expect(safeFileName('zero\u200bwidth\ufeff.png', PNG)).toBe('zero_width.png');
    expect(safeFileName('lone \ud800 surrogate.png', PNG)).toBe('lone _ surrogate.png');
  });

  it('keeps the readable stem in any script', () => {
    expect(safeFileName('Captură de ecran – coș gol.png', PNG)).toBe('Captură de ecran – coș gol.png');
    expect(safeFileName('Снимок экрана (корзина).png', PNG)).toBe('Снимок экрана (корзина).png');
    expect(safeFileName('Snímek obrazovky – košík.png', PNG)).toBe('Snímek obrazovky – košík.png');
    expect(safeFileName('画面のスクリーンショット.png', PNG)).toBe('画面のスクリーンショット.png');
    // Decomposed letters are composed, so the name reads the same everywhere.
    expect(safeFileName('cos\u0327.png', PNG)).toBe('coş.png');
  });

  it('falls back to a plain name when nothing readable is left', () => {
    expect(safeFileName('', PNG)).toBe('attachment.png');
    expect(safeFileName('..', PNG)).toBe('attachment.png');
    expect(safeFileName('../..', 'application/pdf')).toBe('attachment.pdf');
    expect(safeFileName('/', PNG)).toBe('attachment.png');
    expect(safeFileName('.html', PNG)).toBe('attachment.png');
    expect(safeFileName('.htaccess', PNG)).toBe('attachment.png');
    expect(safeFileName('\u202e\u0000\r\n', PNG)).toBe('attachment.png');
    expect(safeFileName('-rf .png', PNG)).toBe('rf.png');
  });

  it('does not name a Windows device', () => {
    expect(safeFileName('nul.png', PNG)).toBe('nul_.png');
    expect(safeFileName('CON', PNG)).toBe('CON_.png');
    expect(safeFileName('com1.tar.png', PNG)).toBe('com1_.tar.png');
    expect(safeFileName('console.png', PNG)).toBe('console.png');
  });

  it('limits a very long name, cutting between characters', () => {
    const latin = safeFileName(`${'a'.repeat(10_000)}.html`, PNG);
    expect(latin).toBe(`${'a'.repeat(150)}.png`);
    const cyrillic = safeFileName(`${'ж'.repeat(500)}.png`, PNG);
    expect(cyrillic).toBe(`${'ж'.repeat(75)}.png`);
    // An accent that does not compose stays on its letter rather than being cut off it.
    const marked = safeFileName('q\u0301'.repeat(100), PNG);
    expectHarmless(marked);
    expect(marked.replace(/\.png$/, '')).toMatch(/^(q\u0301)+$/u);
    for (const long of [latin, cyrillic, marked]) expectHarmless(long);
  });

  it('gives the same name when a safe name goes in again', () => {
    const inputs = [
      '../../evil"\r\nContent-Type: text/html.html',
      'x.html',
      'nul',
      'com1.tar',
      '..',
      '',
      'invoice\u202egnp.exe',
      `${'ж'.repeat(500)}.png`,
      'Order 4.5 failed',
      'trailing dots....',
      '"quoted".png',
    ];
    for (const input of inputs) {
      for (const type of [PNG, 'application/pdf']) {
        const once = safeFileName(input, type);
        expect(safeFileName(once, type), JSON.stringify(input)).toBe(once);
        expectHarmless(once);
      }
    }
  });
});

describe('attachment Content-Disposition', () => {
  it('shows images inline and offers anything else as a download', () => {
    expect(contentDisposition('x.png', 'image/png')).toBe('inline; filename="x.png"');
    expect(contentDisposition('x.webp', 'image/webp')).toBe('inline; filename="x.webp"');
    expect(contentDisposition('x.pdf', 'application/pdf')).toBe('attachment; filename="x.pdf"');
    expect(contentDisposition('x.bin', 'text/html')).toBe('attachment; filename="x.bin"');
  });

  it('carries a name outside ASCII as UTF-8 filename*, with an ASCII filename beside it', () => {
    expect(contentDisposition('Captură ecran (1).png', 'image/png')).toBe(
      `inline; filename="Captura ecran (1).png"; filename*=UTF-8''Captur%C4%83%20ecran%20%281%29.png`,
    );
    expect(contentDisposition('Снимок.png', 'image/png')).toBe(
      `inline; filename="______.png"; filename*=UTF-8''%D0%A1%D0%BD%D0%B8%D0%BC%D0%BE%D0%BA.png`,
    );
  });
});
