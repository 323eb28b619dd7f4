import type { Simulator } from '@kefu/cli';
import type { Platform } from '@kefu/core';
import { join } from 'node:path';
import { signedRequests } from '../http/signed-requests.ts';
import { stackState } from '../layout/bench-layout.ts';
import { findWorkerdPair } from '../proc/workerd-processes.ts';
import { conversationMemory, type ConversationMemory } from './conversation-memory.ts';
import { timeSequential } from './sequential.ts';

export type MemoryProbeInputs = {
  platform: Platform;
  port: number;
  /** A shop whose rules are in KV; its new buyers become the new conversations. */
  shop: string;
  simulate: Simulator;
  credentials: Record<string, string>;
  /** Texts answered without a handoff, so no SLA timers wake the objects up later. */
  texts: readonly string[];
  conversations: number;
};

/**
 * Measure one more conversation on a stack worker: a few warm-up conversations first (so
 * compiling the rules and the isolate's first allocations are not counted), then
 * `conversations` new ones, one message each (see {@link conversationMemory}).
 */
export async function memoryProbe(o: MemoryProbeInputs): Promise<ConversationMemory> {
  const pair = findWorkerdPair(o.port);
  if (!pair) throw new Error(`no workerd serving port ${o.port}`);
  const url = `http://127.0.0.1:${o.port}`;
  const batch = async (count: number, prefix: string) =>
    (await signedRequests({ platform: o.platform, simulate: o.simulate, credentials: o.credentials, texts: o.texts, count, runId: `${prefix}-${Date.now().toString(36)}`, buyers: count, shop: o.shop })).map((p) => p.request);
  await timeSequential(url, await batch(10, 'warm'));
  return conversationMemory(pair.worker, url, await batch(o.conversations, 'mem'), join(stackState(o.platform), 'v3', 'do', `kefu-${o.platform}-Conversation`));
}
