/**
 * Writes a quote to the clipboard in every format the browser takes: text/plain + text/html (+ Markdown as a web
 * custom format where supported) through the async Clipboard API; falls back to writeText, and outside secure
 * contexts (plain http on a LAN) to a copy event with execCommand.
 */
import type { ClipboardPayload } from './citation-formats.js';

export type CopyResult = 'rich' | 'plain' | 'failed';

interface ClipboardItemStatic {
  supports?: (type: string) => boolean;
}

export async function copyPayload(payload: ClipboardPayload, asMarkdown = false): Promise<CopyResult> {
  const plain = asMarkdown ? payload.markdown : payload.plain;
  if (!asMarkdown && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      const items: Record<string, Blob> = {
        'text/plain': new Blob([plain], { type: 'text/plain' }),
        'text/html': new Blob([payload.html], { type: 'text/html' }),
      };
      const supports = (ClipboardItem as unknown as ClipboardItemStatic).supports;
      if (supports?.('web text/markdown')) {
        items['web text/markdown'] = new Blob([payload.markdown], { type: 'web text/markdown' });
      }
      await navigator.clipboard.write([new ClipboardItem(items)]);
      return 'rich';
    } catch {
      // Fall through: some browsers refuse custom or rich formats.
    }
  }
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(plain);
      return 'plain';
    } catch {
      // Fall through to the legacy path.
    }
  }
  return copyWithEvent(plain, asMarkdown ? null : payload.html) ? (asMarkdown ? 'plain' : 'rich') : 'failed';
}

function copyWithEvent(plain: string, html: string | null): boolean {
  const onCopy = (event: ClipboardEvent): void => {
    event.clipboardData?.setData('text/plain', plain);
    if (html) event.clipboardData?.setData('text/html', html);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
