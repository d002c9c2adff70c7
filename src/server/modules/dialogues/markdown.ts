import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown to safe HTML, on the server only. Two layers: markdown-it with raw HTML off (any HTML typed is shown as
 * text) and links checked (http, https and mailto only; anything else stays plain text), then sanitize-html with a
 * short allow-list of tags and attributes, as the last word. Images are not rendered (their alt text is kept):
 * nothing a post says makes the reader's browser fetch another address by itself.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable(['image']);

const allowedLink = /^(https?:\/\/|mailto:)/i;

md.validateLink = (url: string): boolean => allowedLink.test(url.trim());

const allowedTags = ['p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // Headings inside a post sit below the page's own headings.
  transformTags: {
    h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      if (!allowedLink.test(href.trim())) return { tagName: 'span', attribs: {} };
      return { tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer ugc' } };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'span' && frame.text.trim() === '',
};

/** Sanitises HTML with the posts' allow-list (also the last step of `renderMarkdown`). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** A post's Markdown as the HTML every reader gets. */
export function renderMarkdown(source: string): string {
  return sanitize(md.render(source));
}

/** Plain text of a post's Markdown for excerpts (quotes, report lists, notices): no markup at all. */
export function plainText(source: string, max = 300): string {
  const text = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
