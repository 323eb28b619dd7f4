import type { Platform } from '@kefu/core';
import type { LocalChannelType } from '@kefu/sandbox';
import { startStack } from './start-stack.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/** `cs stack`: start the local stack, tick its crons, and run until Ctrl-C. */
export async function stack(rulesDir: string, only: Platform[] | undefined, teamType: LocalChannelType, out: Out): Promise<number> {
  const running = await startStack({ rulesDir, teamType, log: out.log, ...(only ? { platforms: only } : {}) });
  out.log(`\nReady. Try:  pnpm cs simulate --platform jd "你好，什么时候发货"\nStop with Ctrl-C.`);
  const stop = () => void running.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const ticker = setInterval(() => void running.tick(), 15_000);
  await running.exited;
  clearInterval(ticker);
  await running.sandbox.close().catch(() => {});
  return 0;
}
