/**
 * The public server's writes to Strapi for readers (a comment, a question), each with its own
 * token that can create that one type and nothing else: the token from the environment
 * (CMS_<KIND>_TOKEN, else the file CMS_<KIND>_TOKEN_FILE the CMS writes), every call with a time
 * limit, and every failure as a ReaderPostNotSent that says what the CMS answered.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Strapi did not take the reader's post (down, or the token refused). */
export class ReaderPostNotSent extends Error {
  override name = 'ReaderPostNotSent';
}

/** How long Strapi may take to answer one call. */
const CMS_TIMEOUT_MS = 10_000;

/** The key of the token `kind` (COMMENT, QUESTION): from CMS_<kind>_TOKEN, else from the file CMS_<kind>_TOKEN_FILE. */
export function readerToken(kind: 'COMMENT' | 'QUESTION'): string {
  const direct = process.env[`CMS_${kind}_TOKEN`];
  if (direct) return direct;
  const file = process.env[`CMS_${kind}_TOKEN_FILE`];
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new ReaderPostNotSent(`no ${kind.toLowerCase()} token: set CMS_${kind}_TOKEN or CMS_${kind}_TOKEN_FILE (the CMS writes cms/data/${kind.toLowerCase()}-token)`);
}

/** A JSON call to the CMS's content API with the token `kind`; throws ReaderPostNotSent unless it answered 2xx. */
export function cmsCaller(kind: 'COMMENT' | 'QUESTION'): (path: string, init?: RequestInit) => Promise<{ data: unknown }> {
  return async (path, init = {}) => {
    const base = (process.env.CMS_URL ?? '').replace(/\/+$/, '');
    if (!base) throw new ReaderPostNotSent('CMS_URL is not set for the public server');
    const headers = { authorization: `Bearer ${readerToken(kind)}`, 'content-type': 'application/json', accept: 'application/json' };
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(CMS_TIMEOUT_MS) });
    } catch (error) {
      throw new ReaderPostNotSent(`the CMS at ${base} did not answer: ${(error as Error).message}`);
    }
    if (!res.ok) throw new ReaderPostNotSent(`the CMS answered ${res.status} to ${init.method ?? 'GET'} ${path}: ${(await res.text()).slice(0, 200)}`);
    return res.json() as Promise<{ data: unknown }>;
  };
}
