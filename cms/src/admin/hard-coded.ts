/**
 * English that Strapi 5.54 writes into the admin's markup without a translation key: labels a
 * screen reader reads out (the notifications region, the Markdown editor, the date and time
 * pickers, pagination, an entry's status badge). The admin's translations cannot reach them, so
 * they are replaced where they appear, as the page changes. Each English value is checked against
 * Strapi's built code by tests/cms/admin-translations.test.ts, so an upgrade that changes one is
 * noticed.
 */
import hardCoded from './translations/hard-coded.vi.json';

/** Attributes Strapi fills with hard-coded English. */
const ATTRIBUTES = ['aria-label', 'placeholder', 'title'] as const;

/** English value (or a value's English start, `Notifications` of `Notifications alt+T`) → Vietnamese. */
const EXACT: Record<string, string> = hardCoded.exact;
const PREFIX: Array<[string, string]> = Object.entries(hardCoded.prefix);
/** Whole text nodes (an icon button's hidden label, "Search", "Close modal"): matched exactly, never inside a longer text. */
const TEXT: Record<string, string> = hardCoded.text;

export function translateValue(value: string): string | null {
  const exact = EXACT[value];
  if (exact !== undefined) return exact;
  for (const [english, vietnamese] of PREFIX) {
    if (value.startsWith(english)) return vietnamese + value.slice(english.length);
  }
  return null;
}

function translateElement(el: Element): void {
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (!value) continue;
    const translated = translateValue(value);
    if (translated !== null && translated !== value) el.setAttribute(name, translated);
  }
}

/** Where an editor's own text lives: never rewritten. */
const EDITABLE = 'textarea, input, [contenteditable], .CodeMirror, td';

function translateText(node: Node): void {
  const value = node.nodeValue;
  if (!value) return;
  const translated = TEXT[value];
  if (translated === undefined) return;
  // Only an icon button's hidden label ("Search", "Close modal"), never a cell or an editor's text.
  const parent = node.parentElement;
  if (!parent || !parent.closest('button') || parent.closest(EDITABLE)) return;
  node.nodeValue = translated;
}

function translateTree(root: Element): void {
  translateElement(root);
  for (const el of root.querySelectorAll(ATTRIBUTES.map((a) => `[${a}]`).join(','))) translateElement(el);
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node);
}

/** Translates what is on the page now and whatever the admin renders later. */
export function watchHardCodedEnglish(doc: Document = document): void {
  translateTree(doc.documentElement);
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes') translateElement(m.target as Element);
      else if (m.type === 'characterData') translateText(m.target);
      else {
        for (const node of m.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) translateTree(node as Element);
          else if (node.nodeType === Node.TEXT_NODE) translateText(node);
        }
      }
    }
  }).observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
}
