/**
 * Forwarding to GitHub Actions instead of building here: a coalesced batch of publishes becomes one
 * `repository_dispatch` event, which `.github/workflows/publish.yml` turns into a build and a
 * deploy (its `concurrency` group keeps builds from overlapping). Content still comes from Strapi:
 * the event carries only the reason.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The event type the publish workflow listens for. */
export const DISPATCH_EVENT_TYPE = 'cong-publish';

export interface GitHubTarget {
  /** "owner/name". */
  repository: string;
  token: string;
  /** https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
  eventType: string;
}

/** A dispatch GitHub refused or could not take; the queue retries it with backoff. */
export class DispatchError extends Error {
  override name = 'DispatchError';
}

/** Sends one repository_dispatch event; throws a DispatchError that says what to fix. */
export async function dispatchToGitHub(target: GitHubTarget, reason: string, timeoutMs = 15_000): Promise<void> {
  const url = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}/dispatches`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${target.token}`,
        'content-type': 'application/json',
        'user-agent': 'cong-publisher',
        'x-github-api-version': '2022-11-28',
      },
      body: JSON.stringify({ event_type: target.eventType, client_payload: { reason: reason.slice(0, 500), sentAt: new Date().toISOString() } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DispatchError(`could not reach GitHub at ${url}: ${(error as Error).message} (check GITHUB_API_URL and the network)`);
  }
  if (res.status === 204 || res.status === 200) return;
  const detail = (await res.text()).slice(0, 300);
  if (res.status === 401) throw new DispatchError(`GitHub refused GITHUB_TOKEN (401): give a token with the "contents: write" permission on ${target.repository}. ${detail}`);
  if (res.status === 403 || res.status === 404) throw new DispatchError(`GitHub answered ${res.status} for ${target.repository}: check GITHUB_REPOSITORY and that GITHUB_TOKEN may write to it. ${detail}`);
  throw new DispatchError(`GitHub answered ${res.status} to the dispatch: ${detail}`);
}

const stateFile = (root: string) => path.join(root, 'github-dispatch.json');

/** What the last successful dispatch was sent for, so reconciliation can compare. */
export function readDispatchState(root: string): { fingerprint: string | null; at: string } | null {
  if (!existsSync(stateFile(root))) return null;
  return JSON.parse(readFileSync(stateFile(root), 'utf8')) as { fingerprint: string | null; at: string };
}

export function writeDispatchState(root: string, fingerprint: string | null): void {
  writeFileSync(stateFile(root), JSON.stringify({ fingerprint, at: new Date().toISOString() }, null, 2));
}
