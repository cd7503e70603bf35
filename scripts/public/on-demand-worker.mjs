// Runs one release's on-demand routes (Astro's @astrojs/node handler, middleware mode) in a worker
// thread, on an ephemeral loopback port. The public server proxies to it and terminates the worker
// when the release is no longer live, which frees the release's modules (an ESM import cannot be
// unloaded from a long-running process).
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(pathToFileURL(workerData.entry).href);

const server = createServer((req, res) => {
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
