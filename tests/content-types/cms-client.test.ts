import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { CmsError, createCmsClient } from '../../content-types/src/cms-client';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Array<ReturnType<typeof createServer>> = [];

/** A real HTTP server on loopback standing in for Strapi. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('getAll', () => {
  test('pages across page boundaries until every entry is read', async () => {
    const total = 250;
    const seen: string[] = [];
    const url = await serve((req, res) => {
      const params = new URL(req.url!, 'http://x').searchParams;
      seen.push(`${params.get('pagination[page]')}/${params.get('pagination[pageSize]')}`);
      expect(req.headers.authorization).toBe('Bearer t0k3n');
      const page = Number(params.get('pagination[page]'));
      const size = Number(params.get('pagination[pageSize]'));
      const data = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => ({ documentId: `d${(page - 1) * size + i}` }));
      json(res, 200, { data, meta: { pagination: { page, pageSize: size, pageCount: Math.ceil(total / size), total } } });
    });
    const entries = (await createCmsClient({ baseUrl: url, token: 't0k3n' }).getAll('articles', { 'fields[0]': 'title' })) as Array<{ documentId: string }>;
    expect(entries).toHaveLength(250);
    expect(new Set(entries.map((e) => e.documentId)).size).toBe(250);
    expect(seen).toEqual(['1/100', '2/100', '3/100']);
  });

  test('retries a 500 with backoff, then succeeds', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls += 1;
      if (calls < 3) return json(res, 500, { error: 'boom' });
      json(res, 200, { data: [{ documentId: 'a' }], meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } } });
    });
    const entries = await createCmsClient({ baseUrl: url, token: 't', retryDelayMs: 10 }).getAll('links');
    expect(entries).toHaveLength(1);
    expect(calls).toBe(3);
  });

  test('gives up with a clear message when Strapi stays down', async () => {
    const url = await serve((req) => req.socket.destroy());
    const client = createCmsClient({ baseUrl: url, token: 't', attempts: 3, retryDelayMs: 5 });
    await expect(client.getAll('articles')).rejects.toThrow(/^Strapi did not answer GET .*\/api\/articles\?.* after 3 attempts .* Is the CMS running \(npm start\) and CMS_URL right\?$/);
  });

  test('does not retry a refusal and names the token as the likely cause', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls += 1;
      json(res, 401, { error: { message: 'Missing or invalid credentials' } });
    });
    const error = await createCmsClient({ baseUrl: url, token: 'wrong', retryDelayMs: 5 }).getAll('articles').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsError);
    expect((error as Error).message).toContain('Check the build token');
    expect(calls).toBe(1);
  });
});

describe('getSingle', () => {
  test('returns null when the single type was never saved', async () => {
    const url = await serve((_req, res) => json(res, 404, { data: null, error: { status: 404 } }));
    expect(await createCmsClient({ baseUrl: url, token: 't' }).getSingle('site-setting')).toBeNull();
  });
});
