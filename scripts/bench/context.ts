/**
 * What every part of the benchmark shares: the CMS it measures (address, environment, data folder),
 * the scratch folder for builds and releases, and the table's rows.
 */

/** One row of the printed table: measure, time, notes. */
export type Row = [string, string, string];

export interface Bench {
  /** The CMS's address, e.g. http://127.0.0.1:39123. */
  url: string;
  /** Its port (nginx, in the throughput part, listens on the next one). */
  port: number;
  /** The CMS's environment (its data folder, its port). */
  env: NodeJS.ProcessEnv;
  /** The CMS's data folder (build token, first admin's credentials). */
  dataDir: string;
  /** Scratch folder for builds, releases and caches. */
  buildDir: string;
  rows: Row[];
}

/** Runs one measurement; a failure becomes a row of the table instead of ending the benchmark. */
export async function guarded(rows: Row[], label: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    rows.push([label, 'failed', (error as Error).message.slice(0, 160)]);
  }
}
