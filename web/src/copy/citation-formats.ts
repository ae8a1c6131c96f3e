/**
 * What "copy" puts on the clipboard. The quote is exactly the corpus text (no highlight markup); the citation
 * is the server's ready-to-paste reference. Line breaks of the corpus text (table rows) are kept. Three renderings: plain text, Markdown and HTML (for Word/LibreOffice).
 */
export interface Quote {
  text: string;
  citation: string;
}

export interface QuoteGroup {
  /** Heading of the group, e.g. the region. */
  title: string;
  quotes: Quote[];
}

export interface ClipboardPayload {
  plain: string;
  markdown: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markdown blockquote; every line of the quote (table rows keep their line breaks) gets its `> `. */
function markdownQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

/**
 * The quote as HTML: escaped corpus text, line breaks kept as <br>, the citation in italics. No style attributes:
 * Chromium parses clipboard HTML in the page, where the CSP forbids inline styles; Word and LibreOffice indent
 * <blockquote> on their own.
 */
function quoteHtml(q: Quote): string {
  const body = escapeHtml(q.text).replace(/\n/g, '<br>');
  return `<blockquote><p>«${body}»</p><p><i>Источник: ${escapeHtml(q.citation)}</i></p></blockquote>`;
}

export function formatQuote(q: Quote): ClipboardPayload {
  return {
    plain: `«${q.text}»\n(Источник: ${q.citation})`,
    markdown: `${markdownQuote(q.text)}\n>\n> — ${q.citation}`,
    html: `<meta charset="utf-8">${quoteHtml(q)}`,
  };
}

/** "Copy all": every group with its numbered quotes, under a heading naming the query. */
export function formatAll(heading: string, groups: readonly QuoteGroup[]): ClipboardPayload {
  const plain: string[] = [heading, ''];
  const markdown: string[] = [`## ${heading}`, ''];
  const html: string[] = ['<meta charset="utf-8">', `<h2>${escapeHtml(heading)}</h2>`];
  let n = 0;
  for (const group of groups) {
    if (group.quotes.length === 0) continue;
    plain.push(group.title, '');
    markdown.push(`### ${group.title}`, '');
    html.push(`<h3>${escapeHtml(group.title)}</h3>`);
    for (const q of group.quotes) {
      n += 1;
      plain.push(`${n}. «${q.text}»`, `   (Источник: ${q.citation})`, '');
      markdown.push(`${n}.`, markdownQuote(q.text), '>', `> — ${q.citation}`, '');
      html.push(`<p><b>${n}.</b></p>`, quoteHtml(q));
    }
  }
  return { plain: plain.join('\n').trimEnd(), markdown: markdown.join('\n').trimEnd(), html: html.join('') };
}
