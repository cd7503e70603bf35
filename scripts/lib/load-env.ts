/**
 * Imported first by every command (after require-node.ts): reads the root `.env` (or the file
 * CONG_ENV_FILE names; an older install's cms/.env too) into process.env under the real
 * environment, with the shared helper every process uses (content-types/src/env.ts). A file that
 * cannot be read stops the command with the reason.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFiles } from '../../content-types/src/env.ts';

/** The repository root. */
const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

try {
  loadEnvFiles(rootDir);
} catch (error) {
  console.error(`[cong] ${(error as Error).message}`);
  process.exit(2);
}
