/**
 * Writes .br and .gz next to every compressible file of a release, once at build time, so the
 * public server (or nginx with gzip_static/brotli_static) never compresses per request.
 * Asynchronous, on libuv's thread pool: the publisher shares its process with the public server
 * (`npm start`), whose event loop must keep answering while 10,000 pages are compressed.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt|webmanifest)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Compresses every text file of at least 1 KB under `dir`; resolves with how many. */
export async function precompress(dir: string, concurrency = 8): Promise<number> {
  const files = (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  let next = 0;
  let count = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const data = await readFile(file);
      if (data.length < 1024) continue;
      const [g, b] = await Promise.all([
        gz(data, { level: 9 }),
        brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      ]);
      await Promise.all([writeFile(`${file}.gz`, g), writeFile(`${file}.br`, b)]);
      count += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count;
}
