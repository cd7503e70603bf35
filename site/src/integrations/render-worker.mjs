// A thread of the full build's render pool (render-pool.ts): loads the prerender bundle Astro
// compiled the pages into, hands it what Astro's build hands it (the record renderer.ts keeps),
// and renders the pages the build asks for. The publisher's fast path renders the same way
// (scripts/publisher/fast/worker.ts), so both paths write the same bytes.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { entry, record } = workerData;
const { app, manifest } = await import(pathToFileURL(entry).href);
app.setInternals({ pagesByKeys: new Map(record.pages), entrySpecifierToBundleMap: new Map(record.entries) });
const destination = {
  write(event) {
    if (event.level === 'error' || event.level === 'warn') parentPort.postMessage({ log: `[${event.level}] ${event.message}` });
    return true;
  },
};
app.setOptions({ settings: { scripts: record.scripts }, logger: { options: { destination } } });
const routes = new Map(manifest.routes.map((r) => [`${r.routeData.component}\u0000${r.routeData.route}`, r.routeData]));
/** Picture names already reported to the main thread (image-files.ts keeps them per thread). */
const reported = new Set();

parentPort.on('message', async ({ id, url, component, route }) => {
  try {
    const routeData = routes.get(`${component}\u0000${route}`);
    if (!routeData) throw new Error(`no route ${route} (${component}) in the prerender bundle`);
    const response = await app.render(new Request(url), { routeData });
    const body = response.body === null ? null : await response.arrayBuffer();
    const images = [];
    for (const [name, transform] of globalThis.__congImages?.named ?? []) {
      if (reported.has(name)) continue;
      reported.add(name);
      images.push([name, transform]);
    }
    parentPort.postMessage({ id, status: response.status, headers: [...response.headers], body, images }, body ? [body] : []);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
