/**
 * Finds words on a screen that are not Vietnamese (issue 16: editors must not meet English in the
 * admin). A word with a Vietnamese letter (ă, â, đ, ê, ô, ơ, ư or a tone mark) is Vietnamese; a
 * word of plain Latin letters is Vietnamese only when it is a possible Vietnamese syllable written
 * without marks ("tin", "xem", "trang", "nghiem"). Single letters, email addresses, file names and slugs are skipped. "Search", "User", "Widget", "entries",
 * "PROFILE" are not; short English words that happen to be syllables ("to", "in") pass, so the
 * check catches labels and sentences, not every stray particle. Names in `allow` (brands,
 * technical names) are accepted, case-insensitively.
 */

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
const NUCLEUS = '(?:[aeiouy]{1,3})';
const FINAL = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIAL}${NUCLEUS}${FINAL}$`);
const MARKED = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Whether a word of plain Latin letters can be a Vietnamese syllable written without marks. */
export function isUnmarkedSyllable(word: string): boolean {
  return SYLLABLE.test(word.toLowerCase());
}

/** The words of `text` that are neither Vietnamese nor in `allow`, each once, in order of appearance. */
export function foreignWords(text: string, allow: Iterable<string> = []): string[] {
  const allowed = new Set([...allow].map((w) => w.toLowerCase()));
  const found = new Set<string>();
  // Addresses, file names and slugs are names, not words ("bao-cao-quy-3.pdf", "nha-van-hoa-bac-son").
  const prose = text.normalize('NFC').replace(/\S+@\S+/g, ' ').replace(/[\w.-]+\.[a-z0-9]{2,5}\b/gi, ' ').replace(/\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b/gi, ' ');
  for (const match of prose.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = match[0];
    if (word.length < 2 || MARKED.test(word) || !/^[a-z]+$/i.test(word)) continue;
    if (allowed.has(word.toLowerCase()) || isUnmarkedSyllable(word)) continue;
    found.add(word);
  }
  return [...found];
}
