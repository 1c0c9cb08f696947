import { type Html, html } from '../../views/markup.ts';
import type { Row, Section } from '../summary.ts';

/** The mail's HTML part: the same outline as its text, links only for http(s) values. */
export function page(title: string, sections: Section[], locale: string): Html {
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 14px; line-height: 1.4">
<h1 style="font-size: 18px">${title}</h1>
${sections.map(section)}
</body>
</html>`;
}

function section(s: Section): Html {
  const heading = html`<h2 style="font-size: 15px; margin: 18px 0 6px">${s.heading}</h2>`;
  if (s.kind === 'rows') {
    return html`${heading}<table cellpadding="3" style="border-collapse: collapse">${s.rows.map(
      (r) =>
        html`<tr><th align="left" valign="top" style="padding-right: 12px">${r.label}</th><td>${value(r)}</td></tr>`,
    )}</table>`;
  }
  if (s.kind === 'text') return html`${heading}<p style="white-space: pre-wrap; margin: 0">${s.text}</p>`;
  return html`${heading}<ul style="margin: 0">${s.items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

/** Only http(s) links become anchors: a `javascript:` URL stays inert text. */
function value(r: Row): Html | string {
  return r.link && /^https?:\/\//i.test(r.value) ? html`<a href="${r.value}">${r.value}</a>` : r.value;
}
