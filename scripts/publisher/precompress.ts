/**
 * Writes .br and .gz next to every compressible file of a release (only .gz for files of 1 MB and
 * more, see PIECES_MIN), once at build time, so the public server (or nginx with gzip_static and
 * brotli_static) never compresses per request.
 * Asynchronous, on libuv's thread pool: the publisher shares its process with the public server
 * (`npm start`), whose event loop must keep answering while 10,000 pages are compressed.
 */
import { copyFile, link, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ChunkedGzip } from './chunked-gzip.ts';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|csv|xml|svg|txt|webmanifest)$/;
const brotli = promisify(brotliCompress);
/** Files past 256 KB are gzipped at level 6, not 9: level 9 took several times longer for a file a few percent smaller. */
const GZIP_BEST_MAX = 256 * 1024;
/**
 * Files of 1 MB and more (the open data files, ~65 MB at 50,000 articles, rewritten whenever an
 * article changes) get only a .gz, made in pieces (chunked-gzip.ts): a publish deflates the pieces
 * it changed and takes the others from the file's last version. Brotli cannot be put together from
 * pieces. At 50,000 articles gzip and brotli of the two files whole took 0.5–0.6 s of each publish
 * (~1 s of CPU), the pieces ~0.35 s. Pages and the other files below it get both.
 */
const PIECES_MIN = 1024 * 1024;
const BROTLI_QUALITY = 6;
const gz = promisify(gzip);
/** The deflated pieces of each large file's last version, for the next publish of its portal (this process only). */
const pieces = new ChunkedGzip();

/** Hard-links (or copies) `from` to `to`; false when `from` is missing. */
async function reuse(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    await copyFile(from, to);
    return true;
  }
}

export interface PrecompressResult {
  /** Files that have .br and .gz now. */
  files: number;
  /** Of those, how many took them from `previous` (same bytes) instead of compressing again. */
  reused: number;
  /** The pieces of the large files gzipped (chunked-gzip.ts), and how many of them were deflated (the others: from their last version). */
  pieces: { total: number; deflated: number };
}

/**
 * Compresses every text file of at least 1 KB under `dir`. With `previous` (the live release's
 * client folder), a file with the same bytes there takes its .br/.gz from it (hard links:
 * releases never change once built), so a publish only compresses the pages it changed.
 */
export async function precompress(dir: string, options: { previous?: string | null; concurrency?: number; only?: readonly string[] } = {}): Promise<PrecompressResult> {
  const concurrency = options.concurrency ?? 8;
  // `only`: the files (relative to `dir`) a fast publish wrote; every other file kept its .br/.gz links.
  const files = options.only
    ? options.only.filter((f) => COMPRESSIBLE.test(f)).map((f) => path.join(dir, f))
    : (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  let next = 0;
  let count = 0;
  let reused = 0;
  const pieceCount = { total: 0, deflated: 0 };
  // The portal's releases folder (dir is <root>/releases/<release>/client): the key of its files' pieces.
  const portal = path.dirname(path.dirname(path.resolve(dir)));
  const gzipInPieces = async (file: string, data: Buffer) => {
    const result = await pieces.gzip(path.join(portal, path.relative(dir, file)), data, 6);
    pieceCount.total += result.pieces;
    pieceCount.deflated += result.deflated;
    return result.bytes;
  };
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = await readFile(file);
      if (data.length < 1024) continue;
      count += 1;
      const large = data.length >= PIECES_MIN;
      if (options.previous) {
        const before = path.join(options.previous, path.relative(dir, file));
        const same = await readFile(before).then((old) => old.equals(data), () => false);
        if (same && (await reuse(`${before}.gz`, `${file}.gz`)) && (large || (await reuse(`${before}.br`, `${file}.br`)))) {
          if (large) await rm(`${file}.br`, { force: true });
          reused += 1;
          continue;
        }
      }
      const [g, b] = await Promise.all([
        large ? gzipInPieces(file, data) : gz(data, { level: data.length > GZIP_BEST_MAX ? 6 : 9 }),
        large ? null : brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      ]);
      // Never write through a hard link into another release: replace the name, not the inode.
      await Promise.all([rm(`${file}.gz`, { force: true }), rm(`${file}.br`, { force: true })]);
      await Promise.all([writeFile(`${file}.gz`, g), b ? writeFile(`${file}.br`, b) : null]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { files: count, reused, pieces: pieceCount };
}
