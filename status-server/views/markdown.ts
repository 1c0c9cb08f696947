import MarkdownIt from 'markdown-it';

/** Only links a reader can follow safely; everything else (javascript:, data:, relative) stays text. */
const safeLink = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.validateLink = (url) => safeLink.test(url.trim());
// Images would be blocked by the page's CSP and let a writer track readers, so they stay text.
md.disable('image');

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

// An update's own headings would break the page's heading outline, so they render as bold paragraphs.
md.renderer.rules.heading_open = () => '<p class="md-heading"><strong>';
md.renderer.rules.heading_close = () => '</strong></p>\n';

/** Incident and maintenance messages, written by staff but rendered with no raw HTML and safe links. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
