/**
 * Imported first by every command of scripts/: stops with an operator's message when the process
 * runs on a Node.js older than Astro 7 supports (e.g. a system Node 20 reached by calling a
 * script directly instead of through npm), before anything else is loaded.
 */
import { unsupportedNodeMessage } from '../../content-types/src/runtime.ts';

const problem = unsupportedNodeMessage(`Cổng (${process.argv[1] ?? 'script'})`);
if (problem) {
  console.error(`[cong] ${problem}`);
  process.exit(2);
}
