// Runs one release's on-demand routes (Astro's @astrojs/node handler, middleware mode) in a worker
// thread, on an ephemeral loopback port. The public server proxies to it and terminates the worker
// when the release is no longer live, which frees the release's modules (an ESM import cannot be
// unloaded from a long-running process).
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(pathToFileURL(workerData.entry).href);

// Only the public server that started this worker may call it: it sends the secret it gave us.
// A process on this machine connecting to the loopback port directly would otherwise pass the
// proxy's limits and name any reader address it likes.
const secret = Buffer.from(workerData.secret);
const fromProxy = (req) => {
  const given = Buffer.from(String(req.headers['x-cong-proxy-secret'] ?? ''));
  return given.length === secret.length && timingSafeEqual(given, secret);
};

const server = createServer((req, res) => {
  if (!fromProxy(req)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    return res.end('Forbidden: only the public server may call its on-demand routes.');
  }
  delete req.headers['x-cong-proxy-secret'];
  handler(req, res, () => {
    // No on-demand route matched: the public server answers with the release's 404 page. The
    // connection is closed: Astro has put a 'close' listener on the socket for this request that
    // only a written response or a closed socket removes (a leak on a kept-alive connection).
    res.writeHead(404, { 'x-cong-no-route': '1', connection: 'close' });
    res.end();
  });
});
server.keepAliveTimeout = 30_000;
// `node`: the runtime these routes run on (the public server logs it; a test checks it).
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port, node: process.version }));
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => process.exit(0));
});
