/**
 * Renders editors' Markdown to safe HTML. Raw HTML is off; links and images are allowed only
 * for http, https, mailto, tel and relative paths; images load lazily with alt text; tables
 * scroll inside a focusable region. Whatever an editor pastes, no <script>, `javascript:` URL
 * or event-handler attribute reaches a page.
 */
import MarkdownIt from 'markdown-it';

const SAFE_SCHEMES = /^(https?:|mailto:|tel:)/i;
const SAFE_IMAGE_SCHEMES = /^https?:/i;

/** True for a URL a reader may follow: http(s), mailto, tel, or a path without a scheme. */
export function isSafeUrl(url: string, { image = false } = {}): boolean {
  // Browsers ignore control characters and spaces inside schemes ("java\nscript:"): strip them first.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(compact);
  // A path on the portal is fine; "//host/…" leaves the site without saying how: refuse it.
  if (!scheme) return !compact.startsWith('//');
  return image ? SAFE_IMAGE_SCHEMES.test(compact) : SAFE_SCHEMES.test(compact);
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = (url) => isSafeUrl(url);

  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet('src') ?? '';
    if (!isSafeUrl(src, { image: true })) return '';
    token.attrSet('loading', 'lazy');
    token.attrSet('decoding', 'async');
    return defaultImage(tokens, idx, options, env, self);
  };

  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet('href') ?? '';
    if (/^https?:/i.test(href)) token.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  md.renderer.rules.table_open = () => '<div class="table-scroll" role="region" aria-label="Bảng số liệu" tabindex="0"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  // Column alignment as a class, not a style attribute: the pages' Content-Security-Policy allows no inline style.
  for (const rule of ['th_open', 'td_open'] as const) {
    md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
      const token = tokens[idx]!;
      const align = /text-align:(left|center|right)/.exec(token.attrGet('style') ?? '')?.[1];
      if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
      if (align) token.attrJoin('class', `align-${align}`);
      return self.renderToken(tokens, idx, options);
    };
  }
  return md;
}

const renderer = createRenderer();

/** Markdown → safe HTML. */
export function renderMarkdown(source: string): string {
  return renderer.render(source.normalize('NFC'));
}

/** Markdown → plain text (for summaries, feeds and meta descriptions). */
export function markdownToText(source: string, maxLength = 300): string {
  const html = renderer.render(source);
  const text = html
    // Block tags separate words; inline tags (a, strong, em) sit inside them.
    .replace(/<\/?(p|h[1-6]|li|ul|ol|tr|td|th|table|div|blockquote|pre|br|hr)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength - 20))}…`;
}
