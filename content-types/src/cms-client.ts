/**
 * Reads content from Strapi's REST API, for the site build (published content), the draft preview
 * (drafts, with the preview token) and the publisher (stamps, media checks): pages through every
 * entry (Strapi caps a page at 100), retries transient failures with backoff, and fails with a
 * message that says what to check when Strapi stays unreachable.
 */

/** A failure talking to the CMS; the message names the URL and what to do. */
export class CmsError extends Error {
  override name = 'CmsError';
}

export interface CmsClientOptions {
  /** Base URL of Strapi, e.g. http://127.0.0.1:1337 */
  baseUrl: string;
  /** The read-only build token (or the preview token, with `tokenHint`). */
  token: string;
  /** Where the token comes from, for the message when Strapi refuses it. */
  tokenHint?: string;
  /** Attempts per request before giving up (first try included). */
  attempts?: number;
  /** Delay before the first retry; doubles each time. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** One page of a Strapi collection response. */
interface Page {
  data: unknown[];
  meta?: { pagination?: { page: number; pageCount: number; total: number } };
}

const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small client for the build; one per build. */
export function createCmsClient(options: CmsClientOptions) {
  const attempts = options.attempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  /** GET a path of the API (e.g. `/api/articles?…`) as JSON, retrying transient failures. */
  async function getJson(path: string): Promise<unknown> {
    const url = `${base}${path}`;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const response = await doFetch(url, { headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' } });
        if (response.ok) return await response.json();
        const body = await response.text();
        lastProblem = `HTTP ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
        if (!TRANSIENT.has(response.status)) {
          const hint = response.status === 401 || response.status === 403
            ? ` Check the ${options.tokenHint ?? 'build token (CMS_TOKEN or cms/data/build-token)'}: it may be missing, revoked or lack find permission.`
            : '';
          throw new CmsError(`Strapi refused GET ${url} with ${lastProblem}.${hint}`);
        }
      } catch (error) {
        if (error instanceof CmsError) throw error;
        lastProblem = (error as Error).message;
      }
      if (attempt < attempts) await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
    throw new CmsError(
      `Strapi did not answer GET ${url} after ${attempts} attempts (${lastProblem}). Is the CMS running (npm start) and CMS_URL right?`,
    );
  }

  /** Every entry of a collection, page after page (pageSize 100, Strapi's cap). */
  async function getAll(pluralName: string, query: Record<string, string> = {}): Promise<unknown[]> {
    const entries: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const params = new URLSearchParams({ ...query, 'pagination[page]': String(page), 'pagination[pageSize]': '100' });
      const body = (await getJson(`/api/${pluralName}?${params}`)) as Page;
      if (!Array.isArray(body.data)) throw new CmsError(`Strapi answered /api/${pluralName} without a data list: is ${pluralName} a collection type?`);
      entries.push(...body.data);
      const pageCount = body.meta?.pagination?.pageCount ?? 1;
      if (page >= pageCount) return entries;
    }
  }

  /** A single type's entry, or null when none was saved yet. */
  async function getSingle(singularName: string, query: Record<string, string> = {}): Promise<unknown> {
    try {
      const body = (await getJson(`/api/${singularName}?${new URLSearchParams(query)}`)) as { data: unknown };
      return body.data;
    } catch (error) {
      if (error instanceof CmsError && error.message.includes('HTTP 404')) return null;
      throw error;
    }
  }

  return { getJson, getAll, getSingle };
}

export type CmsClient = ReturnType<typeof createCmsClient>;
