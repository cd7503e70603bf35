/**
 * The last JSON file parsed per key, with what identifies it on disk (device, inode, size,
 * modification time in ns): read again only when it changed. Files here are never written in
 * place: a rewrite is a new file renamed over the old one (another inode). Not ctime: hard-linking
 * a file into a release changes it. Used by the content store (store.ts) and the fast path's warm
 * worker (scripts/publisher/fast/worker.ts), which at 10,000 articles would otherwise parse the
 * same large files at every publish. One file per key: nothing older is kept.
 */
import { readFileSync, statSync } from 'node:fs';

type Entry = { file: string; identity: string; value: unknown };

function identityOf(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null; // no such file
  }
}

export class ParsedFiles {
  constructor(private readonly entries: Map<string, Entry> = new Map()) {}

  /** `file` parsed (by `accept`, which may refuse it with null), or null when it does not exist. */
  read<T>(key: string, file: string, accept: (parsed: unknown) => T | null = (parsed) => parsed as T): T | null {
    const identity = identityOf(file);
    if (identity === null) return null;
    const known = this.entries.get(key);
    if (known && known.file === file && known.identity === identity) return known.value as T;
    const value = accept(JSON.parse(readFileSync(file, 'utf8')));
    if (value !== null) this.entries.set(key, { file, identity, value });
    return value;
  }

  /** Remembers `value` as what `file` (just written) holds. */
  remember(key: string, file: string, value: unknown): void {
    const identity = identityOf(file);
    if (identity !== null) this.entries.set(key, { file, identity, value });
  }
}
