import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../status-server/views/markdown.ts';

describe('incident messages rendered from markdown', () => {
  it('renders emphasis and lists', () => {
    const out = renderMarkdown('We are **rolling back**.\n\n- api\n- web');
    expect(out).toContain('<strong>rolling back</strong>');
    expect(out).toContain('<li>api</li>');
  });

  it('gives every link rel="nofollow noopener noreferrer"', () => {
    expect(renderMarkdown('[status](https://example.com/a?b=1&c=2)')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">status</a></p>\n',
    );
  });

  it('turns bare URLs into links', () => {
    expect(renderMarkdown('see https://example.com/x')).toContain(
      '<a href="https://example.com/x" rel="nofollow noopener noreferrer">https://example.com/x</a>',
    );
  });

  it('allows mailto links', () => {
    expect(renderMarkdown('[mail us](mailto:ops@example.com)')).toContain('href="mailto:ops@example.com"');
  });

  it('shows raw HTML as text instead of markup', () => {
    const out = renderMarkdown('broken <img src=x onerror=alert(1)> <script>alert(2)</script>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toMatch(/<img|<script/i);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x]( javascript:alert(1))',
    '<javascript:alert(1)>',
    '[x](data:text/html,<b>hi</b>)',
    '[x](vbscript:msgbox(1))',
    '[x](/relative/path)',
  ])('does not make a link of %s', (source) => {
    const out = renderMarkdown(source);
    expect(out).not.toContain('<a');
    expect(out).not.toMatch(/href=/i);
  });

  it('never emits an image, which the page CSP would block anyway', () => {
    expect(renderMarkdown('![chart](https://example.com/c.png)')).not.toContain('<img');
  });

  it('keeps the page outline by rendering headings as bold paragraphs', () => {
    const out = renderMarkdown('# Impact\ntext');
    expect(out).not.toMatch(/<h\d/);
    expect(out).toContain('<strong>Impact</strong>');
  });

  it('keeps single line breaks, as typed in a form', () => {
    expect(renderMarkdown('line one\nline two')).toContain('line one<br>');
  });
});
