import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { STACK_LOG } from '../stack/paths.ts';
import { wecomMsgid } from './record-keys.ts';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const SEND = /^.*?\bsend (\S+) attempt \d+ failed: .*TimeoutError/;
const NOTIFY = /^.*?\bnotify: (\S+) retry \(network: TimeoutError/;

/**
 * The keys whose send timed out at the sender, from the workers' own log lines (packages/runtime
 * outbound/consumer.ts `send <action id> attempt N failed: …`, notify/channel-outbox.ts
 * `notify: <claim ref>#<update> retry (network: TimeoutError…)`). A key accepted twice after such a
 * line was re-sent because the receiver's answer came after the sender gave up: at-least-once
 * delivery, which only the receiver can dedupe. Action ids are given with WeCom's msgid too.
 */
export function timedOutKeys(log: string): Set<string> {
  const keys = new Set<string>();
  for (const raw of log.split('\n')) {
    const line = raw.replace(ANSI, '');
    const send = SEND.exec(line)?.[1];
    if (send) {
      keys.add(send);
      keys.add(wecomMsgid(send));
    }
    const notice = NOTIFY.exec(line)?.[1];
    if (notice) keys.add(notice);
  }
  return keys;
}

/** The timed-out keys the stack has logged so far in this run. */
export async function readTimedOut(): Promise<Set<string>> {
  const root = resolve(import.meta.dirname, '../../../..');
  return timedOutKeys(await readFile(resolve(root, STACK_LOG), 'utf8').catch(() => ''));
}
