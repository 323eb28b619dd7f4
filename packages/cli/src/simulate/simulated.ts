import type { Platform } from '@kefu/core';

/** What to simulate: one message in one conversation. */
export type Simulation = { platform: Platform; shop: string; buyer: string; text: string; from: 'buyer' | 'agent'; messageId: string };

/** A request to the local worker, and anything the sandbox must hold first (pull platforms). */
export type SimulatedDelivery = {
  /** Items to queue in the sandbox before the webhook (WeCom's sync_msg serves them). */
  inbox?: { key: string; items: unknown[] };
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body: string;
};

/** Builds the signed webhook a platform (or its chat bridge) would send. */
export type Simulator = (s: Simulation, credentials: Record<string, string>, now: number) => Promise<SimulatedDelivery> | SimulatedDelivery;
