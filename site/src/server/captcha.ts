/**
 * Mã xác thực: an image made on the server, or for readers who cannot read it a question in words
 * ("Số liền sau số mười chín là số nào?"). The answer is kept in the reader store for 10 minutes
 * under a random id held in a cookie; checking takes it (single use), so a replayed or expired code
 * is refused.
 *
 * The image is not svg-captcha's own: that writes each character as its own <path> with the
 * font's commands, so its markup reads back as text without looking at it. Here each letter (the
 * portal's bold font, through svg-captcha's opentype.js) is turned, slanted and scaled, flattened
 * into polygons with a random number of points, and cut into pieces along random lines; the pieces
 * of all letters, lines that cut through them, short strokes and specks go into ONE path, in
 * shuffled order, each subpath from a random start point. Reading it back takes looking at the
 * picture (OCR), not parsing: tests/site/captcha.test.ts measures this against three solvers.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AstroCookies } from 'astro';
import svgCaptcha from 'svg-captcha';
import { CAPTCHA_HEIGHT, CAPTCHA_WIDTH } from '../lib/comment-form.ts';
import type { ReaderStore } from './store.ts';

export const CAPTCHA_COOKIE = 'cong_captcha';
export const CAPTCHA_TTL_MS = 10 * 60 * 1000;
const ID = /^[A-Za-z0-9_-]{22}$/;
/**
 * Characters that do not look like one another in the font once turned and crossed by a line:
 * no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 6/G, 8/B, 4/A, U/V, E/F, M/W (readers answer in either case).
 */
export const ALPHABET = '236789ACEHJKMNPRTVXY';
const LENGTH = 5;

// ---------------------------------------------------------------------------------------------
// The image

interface PathCommand {
  type: string;
  x?: number;
  y?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}
interface Font {
  charToGlyph(char: string): { getPath(x: number, y: number, fontSize: number): { commands: PathCommand[] } };
}
export type Point = [number, number];

/**
 * The portal's own bold face (Be Vietnam Pro 700, latin): solid letters stay readable with a line
 * cut through them, where svg-captcha's sketchy outline font (N like H, E like F) did not. Loaded
 * through svg-captcha's opentype.js (`loadFont`); svg-captcha's own generator is not used.
 */
const font = ((file: string): Font => {
  // loadFont sets svg-captcha's default font: take the loaded one and put the default back, so
  // nothing else in the process that uses svg-captcha sees a change.
  const options = svgCaptcha.options as unknown as { font: Font; ascender: number; descender: number };
  const saved = { font: options.font, ascender: options.ascender, descender: options.descender };
  svgCaptcha.loadFont(file);
  const loaded = options.font;
  Object.assign(options, saved);
  return loaded;
})(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff'));

const between = (min: number, max: number) => min + Math.random() * (max - min);

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A glyph's contours as polygons: curves sampled every 1.5–3.5 px, so no contour keeps the font's commands. */
export function glyphContours(char: string, fontSize: number): Point[][] {
  const contours: Point[][] = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const step = between(1.5, 3.5);
  const sample = (end: Point, at: (t: number) => Point, length: number) => {
    const n = Math.max(1, Math.ceil(length / step));
    for (let k = 1; k <= n; k += 1) current.push(at(k / n));
    last = end;
  };
  for (const c of font.charToGlyph(char).getPath(0, 0, fontSize).commands) {
    const end: Point = [c.x ?? 0, c.y ?? 0];
    const from = last;
    if (c.type === 'M') {
      if (current.length > 2) contours.push(current);
      current = [end];
      last = end;
    } else if (c.type === 'L') {
      sample(end, (t) => [from[0] + (end[0] - from[0]) * t, from[1] + (end[1] - from[1]) * t], Math.hypot(end[0] - from[0], end[1] - from[1]));
    } else if (c.type === 'Q') {
      const p: Point = [c.x1!, c.y1!];
      sample(end, (t) => {
        const u = 1 - t;
        return [u * u * from[0] + 2 * u * t * p[0] + t * t * end[0], u * u * from[1] + 2 * u * t * p[1] + t * t * end[1]];
      }, Math.hypot(p[0] - from[0], p[1] - from[1]) + Math.hypot(end[0] - p[0], end[1] - p[1]));
    } else if (c.type === 'C') {
      const p: Point = [c.x1!, c.y1!];
      const q: Point = [c.x2!, c.y2!];
      sample(end, (t) => {
        const u = 1 - t;
        return [
          u * u * u * from[0] + 3 * u * u * t * p[0] + 3 * u * t * t * q[0] + t * t * t * end[0],
          u * u * u * from[1] + 3 * u * u * t * p[1] + 3 * u * t * t * q[1] + t * t * t * end[1],
        ];
      }, Math.hypot(p[0] - from[0], p[1] - from[1]) + Math.hypot(q[0] - p[0], q[1] - p[1]) + Math.hypot(end[0] - q[0], end[1] - q[1]));
    } else if (c.type === 'Z') {
      if (current.length > 2) contours.push(current);
      current = [];
    }
  }
  if (current.length > 2) contours.push(current);
  return contours;
}

/** The character placed around (cx, cy): turned up to ±18°, slanted, scaled. */
function placeGlyph(char: string, cx: number, cy: number): Point[][] {
  const contours = glyphContours(char, between(40, 46));
  const all = contours.flat();
  const gx = (Math.min(...all.map((p) => p[0])) + Math.max(...all.map((p) => p[0]))) / 2;
  const gy = (Math.min(...all.map((p) => p[1])) + Math.max(...all.map((p) => p[1]))) / 2;
  const angle = between(-0.31, 0.31);
  const slant = between(-0.25, 0.25);
  const sx = between(0.85, 1.1);
  const sy = between(0.9, 1.1);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return contours.map((contour) =>
    contour.map(([x, y]) => {
      const lx = (x - gx + slant * (y - gy)) * sx;
      const ly = (y - gy) * sy;
      return [cx + lx * cos - ly * sin, cy + lx * sin + ly * cos];
    }),
  );
}

/** The part of a closed polygon where a·x + b·y ≤ c (one Sutherland–Hodgman step; keeps its direction). */
function clip(points: Point[], a: number, b: number, c: number): Point[] {
  const out: Point[] = [];
  points.forEach((p, k) => {
    const q = points[(k + 1) % points.length]!;
    const [dp, dq] = [a * p[0] + b * p[1] - c, a * q[0] + b * q[1] - c];
    if (dp <= 0) out.push(p);
    if ((dp < 0 && dq > 0) || (dp > 0 && dq < 0)) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

/**
 * A letter cut into pieces along one or two random lines through it, each piece a few subpaths
 * of its own: no subpath is the letter's outline. The pieces overlap by 0.4 px, so the nonzero
 * fill shows no seam.
 */
function splitGlyph(contours: Point[][]): Point[][] {
  const all = contours.flat();
  const cx = all.reduce((sum, p) => sum + p[0], 0) / all.length;
  const cy = all.reduce((sum, p) => sum + p[1], 0) / all.length;
  let pieces: Point[][][] = [contours];
  const cuts = Math.random() < 0.5 ? 1 : 2;
  for (let k = 0; k < cuts; k += 1) {
    const angle = between(0, Math.PI);
    const [a, b] = [Math.cos(angle), Math.sin(angle)];
    const c = a * (cx + between(-4, 4)) + b * (cy + between(-4, 4));
    pieces = pieces.flatMap((piece) => [
      piece.map((contour) => clip(contour, a, b, c + 0.2)),
      piece.map((contour) => clip(contour, -a, -b, -c + 0.2)),
    ]);
  }
  return pieces.flat().filter((contour) => contour.length > 2 && Math.abs(signedArea(contour)) > 0.5);
}

/** A band of `width` along a cubic curve, as one closed polygon. */
function ribbon(points: [Point, Point, Point, Point], width: number, samples: number): Point[] {
  const [a, b, c, d] = points;
  const at = (t: number): Point => {
    const u = 1 - t;
    return [
      u * u * u * a[0] + 3 * u * u * t * b[0] + 3 * u * t * t * c[0] + t * t * t * d[0],
      u * u * u * a[1] + 3 * u * u * t * b[1] + 3 * u * t * t * c[1] + t * t * t * d[1],
    ];
  };
  const left: Point[] = [];
  const right: Point[] = [];
  for (let k = 0; k <= samples; k += 1) {
    const t = k / samples;
    const [x, y] = at(t);
    const [x2, y2] = at(Math.min(1, t + 0.01));
    const [x1, y1] = at(Math.max(0, t - 0.01));
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [nx, ny] = [-(y2 - y1) / len, (x2 - x1) / len];
    const w = (width / 2) * between(0.8, 1.2);
    left.push([x + nx * w, y + ny * w]);
    right.push([x - nx * w, y - ny * w]);
  }
  return [...left, ...right.reverse()];
}

/** A small irregular speck. */
function speck(cx: number, cy: number): Point[] {
  const corners = 3 + Math.floor(Math.random() * 3);
  const turn = between(0, Math.PI);
  return Array.from({ length: corners }, (_, k) => {
    const a = turn + (k / corners) * 2 * Math.PI;
    const r = between(0.7, 1.6);
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as Point;
  });
}

/** Twice the signed area of a polygon: its sign is its direction. */
function signedArea(points: Point[]): number {
  let sum = 0;
  points.forEach(([x, y], k) => {
    const [nx, ny] = points[(k + 1) % points.length]!;
    sum += x * ny - nx * y;
  });
  return sum;
}

/** `points` drawn in the direction whose signed area has the sign of `sign`. */
function oriented(points: Point[], sign: number): Point[] {
  return Math.sign(signedArea(points)) === Math.sign(sign) ? points : [...points].reverse();
}

/** One subpath from a random start point, coordinates jittered. */
function subpath(points: Point[]): string {
  const start = Math.floor(Math.random() * points.length);
  const ordered = [...points.slice(start), ...points.slice(0, start)];
  const f = (v: number) => (Math.round((v + between(-0.2, 0.2)) * 10) / 10).toString();
  return `M${ordered.map(([x, y]) => `${f(x)} ${f(y)}`).join('L')}Z`;
}

/**
 * The picture of `text` (upper-case characters of ALPHABET) as SVG. One path, nonzero rule: the
 * glyphs keep their own directions (the font's overlapping strokes stay filled, its holes open);
 * ribbons run the other way, so where one crosses a letter the windings cancel and it cuts a light
 * line through it, and on the background it is a dark line. Strokes and specks go either way.
 */
export function captchaSvg(text: string, width = CAPTCHA_WIDTH, height = CAPTCHA_HEIGHT): string {
  const margin = 12;
  const slot = (width - 2 * margin) / text.length;
  const letters = [...text].map((char, i) => placeGlyph(char, margin + slot * (i + 0.5) + between(-3, 3), height / 2 + between(-5, 5)));
  // The direction that fills: that of the largest contour (a letter's outline, never a hole).
  const largest = letters.flat().reduce((a, b) => (Math.abs(signedArea(b)) > Math.abs(signedArea(a)) ? b : a));
  const fill = Math.sign(signedArea(largest));
  const glyphs = letters.flatMap(splitGlyph);
  const noise: Point[][] = [];
  for (let k = 0; k < 2; k += 1) {
    const y = () => between(height * 0.3, height * 0.7);
    const band = ribbon([[between(0, 10), y()], [between(width * 0.25, width * 0.45), between(0, height)], [between(width * 0.55, width * 0.75), between(0, height)], [between(width - 10, width), y()]], between(1.3, 1.8), 48);
    noise.push(oriented(band, -fill));
  }
  // Short strokes about as thick as the letters' thin parts, where the letters are.
  for (let k = 0; k < 3; k += 1) {
    const [x, y] = [between(margin, width - margin), between(height * 0.2, height * 0.8)];
    const [dx, dy] = [between(-9, 9), between(-6, 6)];
    noise.push(ribbon([[x, y], [x + dx / 2 + between(-4, 4), y + dy / 2 + between(-4, 4)], [x + dx / 2 + between(-4, 4), y + dy / 2 + between(-4, 4)], [x + dx, y + dy]], between(1.2, 1.6), 8));
  }
  for (let k = 0; k < 30; k += 1) noise.push(speck(between(0, width), between(0, height)));
  for (const shape of noise.slice(2)) if (Math.random() < 0.5) shape.reverse();
  const hue = Math.floor(between(0, 360));
  const d = shuffle([...glyphs, ...noise]).map(subpath).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="hsl(${hue}, 40%, 96%)"/>` +
    `<path fill="hsl(${(hue + 180) % 360}, 45%, 22%)" d="${d}"/></svg>`
  );
}

function newId(cookies: AstroCookies, secure: boolean): string {
  const id = randomBytes(16).toString('base64url');
  cookies.set(CAPTCHA_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: CAPTCHA_TTL_MS / 1000 });
  return id;
}

/** A new image code; the previous one of this reader is replaced. */
export async function issueImage(store: ReaderStore, cookies: AstroCookies, secure: boolean): Promise<string> {
  const text = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
  await store.putCaptcha(newId(cookies, secure), text.toLowerCase(), CAPTCHA_TTL_MS);
  return captchaSvg(text);
}

// ---------------------------------------------------------------------------------------------
// The question in words

const NUMBERS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai', 'mười ba', 'mười bốn', 'mười lăm', 'mười sáu', 'mười bảy', 'mười tám', 'mười chín', 'hai mươi'];
/** Other ways readers write the same numbers in words. */
const NUMBER_VARIANTS: Record<string, number> = { 'mười tư': 14, 'mười năm': 15, 'hai chục': 20 };

const words = (n: number) => NUMBERS[n]!;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A whole number in [min, max]. */
const pick = (min: number, max: number) => randomInt(min, max + 1);

function distinct(count: number, min: number, max: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(pick(min, max));
  return [...chosen];
}

/** The kinds of question: short, everyday school arithmetic, numbers in words up to twenty. */
const QUESTIONS: Array<() => [question: string, answer: number]> = [
  () => {
    const [a, b] = [pick(1, 9), pick(1, 9)];
    return [`${capital(words(a))} cộng ${words(b)} bằng mấy?`, a + b];
  },
  () => {
    const a = pick(5, 20);
    const b = pick(1, Math.min(9, a - 1));
    return [`${capital(words(a))} trừ ${words(b)} bằng mấy?`, a - b];
  },
  () => {
    const ns = distinct(3, 0, 20);
    return [`Trong các số ${ns.map(words).join(', ')}, số nào lớn nhất?`, Math.max(...ns)];
  },
  () => {
    const ns = distinct(3, 0, 20);
    return [`Trong các số ${ns.map(words).join(', ')}, số nào nhỏ nhất?`, Math.min(...ns)];
  },
  () => {
    const n = pick(1, 19);
    return [`Số liền sau số ${words(n)} là số nào?`, n + 1];
  },
  () => {
    const n = pick(2, 20);
    return [`Số liền trước số ${words(n)} là số nào?`, n - 1];
  },
];

/** A new question in words, the accessible alternative. */
export async function issueQuestion(store: ReaderStore, cookies: AstroCookies, secure: boolean): Promise<string> {
  const [question, answer] = QUESTIONS[randomInt(QUESTIONS.length)]!();
  await store.putCaptcha(newId(cookies, secure), String(answer), CAPTCHA_TTL_MS);
  return `${question} Hãy nhập câu trả lời bằng chữ số.`;
}

/** What a reader typed, as stored answers are: lower case; a number written in words becomes digits. */
export function normalizeAnswer(answer: string): string {
  const text = answer.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const n = NUMBERS.indexOf(text);
  if (n >= 0) return String(n);
  return Object.hasOwn(NUMBER_VARIANTS, text) ? String(NUMBER_VARIANTS[text]) : text;
}

/** Checks (and uses up) the reader's code. */
export async function checkCaptcha(store: ReaderStore, cookies: AstroCookies, answer: string): Promise<'ok' | 'wrong' | 'missing'> {
  const id = cookies.get(CAPTCHA_COOKIE)?.value ?? '';
  if (!ID.test(id)) return 'missing';
  const expected = await store.takeCaptcha(id);
  cookies.delete(CAPTCHA_COOKIE, { path: '/' });
  if (expected === null) return 'missing';
  return normalizeAnswer(answer) === expected ? 'ok' : 'wrong';
}
