/** Small JSON-over-HTTP helpers for the integration tests. */

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

/** Sends a JSON request and returns the status and the parsed body (or the text). */
export async function request<T = any>(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: response.status, body: body as T };
}
