import slugify from 'slugify';

/** Longest slug we make; longer titles are cut at a word boundary. */
export const SLUG_MAX_LENGTH = 96;

/** The pattern every slug of the project matches (Strapi's uid accepts it too). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Symbols that carry meaning in Vietnamese titles: slugify would turn them into English
// words ("100percent", "and") or drop them with no separator, so spell them first.
const SYMBOL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/%/g, ' phan tram '],
  [/&/g, ' va '],
  [/\+/g, ' cong '],
];

/**
 * Makes the URL slug of a Vietnamese text: NFC first, tones stripped, đ → d, symbols
 * spelt out or turned into separators. "Đảng bộ xã" → "dang-bo-xa". Returns "" when the
 * text holds no letter or digit.
 */
export function createSlug(text: string): string {
  let s = text.normalize('NFC');
  for (const [pattern, word] of SYMBOL_WORDS) s = s.replace(pattern, word);
  // Anything that is neither a letter, a digit nor a space separates words ("1291/QĐ-UBND").
  s = s.replace(/[^\p{L}\p{N}\s]+/gu, ' ');
  s = slugify(s, { locale: 'vi', lower: true, strict: true, trim: true });
  s = s.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (s.length > SLUG_MAX_LENGTH) {
    const cut = s.slice(0, SLUG_MAX_LENGTH + 1);
    const boundary = cut.lastIndexOf('-');
    s = boundary > 0 ? cut.slice(0, boundary) : s.slice(0, SLUG_MAX_LENGTH);
  }
  return s;
}

/**
 * Tells whether a slug is one an editor did not really choose: empty, or the value
 * Strapi's admin form pre-fills with the type's name ("article", "article-1", …).
 */
export function isPlaceholderSlug(slug: string | null | undefined, typeName: string): boolean {
  if (slug == null) return true;
  const trimmed = slug.trim();
  if (trimmed === '') return true;
  return new RegExp(`^${typeName}(-\\d+)?$`).test(trimmed);
}

/**
 * Returns `base`, or `base-2`, `base-3`, … : the first candidate that `isTaken` says is free.
 * Gives up after `maxTries` so a broken `isTaken` cannot loop forever.
 */
export async function createUniqueSlug(
  base: string,
  isTaken: (candidate: string) => boolean | Promise<boolean>,
  maxTries = 1000,
): Promise<string> {
  if (!SLUG_PATTERN.test(base)) throw new Error(`createUniqueSlug: "${base}" is not a slug`);
  for (let n = 1; n <= maxTries; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`createUniqueSlug: no free slug for "${base}" after ${maxTries} tries`);
}
