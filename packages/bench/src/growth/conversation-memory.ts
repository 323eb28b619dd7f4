import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { waitForIdle } from '../http/cpu-meter.ts';
import type { LoadRequest } from '../http/load.ts';
import { rssBytes } from '../proc/workerd-processes.ts';
import { sendAll } from './sequential.ts';

/** What one more conversation costs the local stack, averaged over `conversations` new ones. */
export type ConversationMemory = { conversations: number; newDatabases: number; rssBytesPer: number; pageBytesPer: number; payloadBytesPer: number; fileBytesPer: number };

/** A database's size as SQLite sees it (committed WAL pages included): pages in use and the bytes of data in them. */
function databaseSize(file: string): { pages: number; payload: number } {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const pageCount = Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
    const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
    let payload = Number.NaN;
    try {
      payload = Number((db.prepare('SELECT SUM(payload) AS bytes FROM dbstat').get() as { bytes: number }).bytes);
    } catch {
      // SQLite built without dbstat: the page figure still stands.
    }
    return { pages: pageCount * pageSize, payload };
  } finally {
    db.close();
  }
}

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Open `requests.length` new conversations (one message each, to a new buyer) on a worker that
 * has just been restarted, and divide what grew: the worker's RSS (`/proc/<pid>/status`, after it
 * has gone idle) and the new Conversation Durable Objects' SQLite files in `doDir`. The files are
 * read with SQLite itself (read-only), because locally most of a new database still sits in its
 * write-ahead log.
 */
export async function conversationMemory(workerPid: number, url: string, requests: readonly LoadRequest[], doDir: string): Promise<ConversationMemory> {
  await waitForIdle(workerPid);
  const before = new Set(listFiles(doDir));
  const rssBefore = rssBytes(workerPid);
  await sendAll(url, requests, 4);
  await waitForIdle(workerPid);
  const rssAfter = rssBytes(workerPid);
  const added = listFiles(doDir).filter((f) => !before.has(f));
  const databases = added.filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  const fileBytes = added.reduce((sum, f) => sum + statSync(join(doDir, f)).size, 0);
  let pages = 0;
  let payload = 0;
  for (const f of databases) {
    const size = databaseSize(join(doDir, f));
    pages += size.pages;
    payload += size.payload;
  }
  const n = requests.length;
  const per = databases.length || Number.NaN;
  return { conversations: n, newDatabases: databases.length, rssBytesPer: (rssAfter - rssBefore) / n, pageBytesPer: pages / per, payloadBytesPer: payload / per, fileBytesPer: fileBytes / per };
}
