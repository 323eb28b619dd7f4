import { compileRules, type Platform, type Rules } from '@kefu/core';
import { UsageError } from '../args.ts';
import { SimClock } from './clock.ts';
import { ANSI, PLAIN } from './render.ts';
import { runRepl, type ChatIo } from './repl.ts';
import { ChatSession } from './session.ts';
import { parseWhen } from './time.ts';

export type ChatOptions = {
  platform: Platform;
  shopId: string;
  /** `--at`: start time, shop-local ("2026-11-11 23:30") or ISO; default now. */
  at?: string;
  /** `--returning`: buyers carry the platform's returning-buyer hint. */
  returning: boolean;
  /** Where the rules came from, for the header (a directory today). */
  rulesFrom: string;
  /** The real clock (tests). */
  realNow?: () => number;
};

/**
 * `cs chat`: talk to the engine as a buyer and see every action and why, on a simulated clock.
 *
 * Takes validated rules rather than a directory so any source can feed it: today `--rules DIR`
 * (the rules-dir loader); a `--local` flag can later hand it the layered rules a stack worker
 * resolves (`GET /__kefu/rules` → `resolved.document` → `parseRules`) without touching the chat.
 */
export async function chat(rules: Rules, options: ChatOptions, io: ChatIo): Promise<number> {
  const engine = compileRules(rules);
  const realNow = options.realNow ?? Date.now;
  const start = options.at === undefined ? realNow() : parseWhen(options.at, rules.shop.timezone, realNow());
  if (start === undefined) throw new UsageError(`--at "${options.at}" is not a time: "2026-11-11 23:30" (shop time zone ${rules.shop.timezone}) or ISO with Z or an offset`);
  const session = new ChatSession(engine, { platform: options.platform, shopId: options.shopId, clock: new SimClock(start, realNow), returning: options.returning });
  const paint = io.output.isTTY && !process.env.NO_COLOR ? ANSI : PLAIN;
  return runRepl(session, io, paint, options.rulesFrom, options.returning);
}
