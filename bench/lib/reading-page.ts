/**
 * A page of the size people read every day (about 300 KB of HTML, as a news article or a shop's
 * product page ships), with its own script doing what such pages do on load: building a menu,
 * sorting a table, reading the layout. Made from a fixed seed, so every run loads the same bytes.
 */

/** Bytes of HTML the page is grown to: the median desktop page's HTML is in this range. */
const TARGET_BYTES = 300_000;

const WORDS = (
  'order invoice delivery account payment customer support return refund shipping address ' +
  'product price discount warehouse stock review rating parcel courier tracking basket checkout ' +
  'branch contract service update status report article section summary detail colour size'
).split(' ');

/** A small deterministic generator (mulberry32), so the page is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The page's own script: the work a real page does on load, a few milliseconds of it. */
const PAGE_SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#prices tbody tr'));
  rows.sort(function (a, b) { return Number(a.dataset.price) - Number(b.dataset.price); });
  var body = document.querySelector('#prices tbody');
  rows.forEach(function (r) { body.appendChild(r); });
  var menu = document.getElementById('menu');
  document.querySelectorAll('h2').forEach(function (h, i) {
    h.id = 'section-' + i;
    var a = document.createElement('a');
    a.href = '#' + h.id;
    a.textContent = h.textContent;
    menu.appendChild(a);
  });
  var words = {};
  document.querySelectorAll('article p').forEach(function (p) {
    p.textContent.split(/\\s+/).forEach(function (w) { words[w] = (words[w] || 0) + 1; });
  });
  document.getElementById('tags').textContent = Object.keys(words).sort(function (a, b) {
    return words[b] - words[a];
  }).slice(0, 12).join(' · ');
  var height = document.documentElement.scrollHeight;
  window.pageReady = { height: height, rows: rows.length };
})();
`;

export function readingPage(seed = 7): string {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)] ?? 'order';
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, pick);
    const first = words[0] ?? '';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const parts: string[] = [];
  let size = 0;
  let section = 0;
  while (size < TARGET_BYTES * 0.8) {
    const paragraphs = Array.from(
      { length: 4 },
      () => `<p>${Array.from({ length: 6 }, () => sentence(8 + Math.floor(next() * 10))).join(' ')}</p>`,
    ).join('\n');
    const chunk = `<section><h2>${sentence(4)}</h2>\n${paragraphs}\n<figure><img alt="${pick()}" width="640" height="360" src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="><figcaption>${sentence(7)}</figcaption></figure></section>`;
    parts.push(chunk);
    size += chunk.length;
    section++;
  }
  const rows: string[] = [];
  while (size < TARGET_BYTES) {
    const price = (next() * 500).toFixed(2);
    const row = `<tr data-price="${price}"><td>${pick()} ${pick()}</td><td>${sentence(5)}</td><td>${price} €</td></tr>`;
    rows.push(row);
    size += row.length;
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A page people read: ${section} sections</title>
<style>
body { font: 16px/1.6 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 8px 24px; }
#menu a { margin-right: 12px; font-size: 13px; }
main { display: grid; grid-template-columns: 1fr 280px; gap: 32px; max-width: 1200px; margin: 0 auto; padding: 24px; }
aside { position: sticky; top: 64px; align-self: start; font-size: 14px; }
figure img { background: #e4e9f0; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
td { border-bottom: 1px solid #eee; padding: 4px 8px; }
</style>
</head>
<body>
<header><strong>Shop news</strong> <nav id="menu"></nav></header>
<main>
<article>
${parts.join('\n')}
<table id="prices"><tbody>
${rows.join('\n')}
</tbody></table>
</article>
<aside><h3>Popular words</h3><p id="tags"></p></aside>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
