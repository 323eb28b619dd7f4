import { clearLine, createInterface, cursorTo } from 'node:readline';
import { CHAT_HELP, parseCommand } from './commands.ts';
import { renderClock, renderHeader, renderState, renderSteps, type Paint } from './render.ts';
import type { ChatSession } from './session.ts';
import { parseWhen } from './time.ts';

export type ChatIo = {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
};

/** Longest delay `setTimeout` takes; a later timer is re-armed when this one wakes early. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The readline loop around a chat session. On a terminal: a prompt, history, and timers fire live
 * as the simulated clock reaches them. Piped: no prompt, slash commands echoed as `› /wait 5m` so
 * the transcript reads on its own, timers fire only when a line moves the clock past them, and the
 * loop ends at end of input. Returns the exit code (0: a chat has no failing outcome).
 */
export async function runRepl(session: ChatSession, io: ChatIo, paint: Paint, rulesFrom: string, defaultReturning: boolean): Promise<number> {
  const interactive = Boolean(io.input.isTTY && io.output.isTTY);
  const rl = createInterface({ input: io.input, output: interactive ? io.output : undefined, terminal: interactive, crlfDelay: Infinity });
  const print = (lines: readonly string[]): void => {
    if (lines.length > 0) io.output.write(`${lines.join('\n')}\n`);
  };
  const prompt = (): void => {
    rl.setPrompt(`${session.buyer}> `);
    rl.prompt();
  };

  let alarm: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(alarm);
    const next = session.timers[0];
    if (!interactive || !next) return;
    alarm = setTimeout(() => {
      const steps = session.tick();
      if (steps.length > 0) {
        // Print above what the user is typing, then redraw the prompt and their partial line.
        clearLine(io.output, 0);
        cursorTo(io.output, 0);
        print(renderSteps(steps, session.timeZone, paint));
        rl.prompt(true);
      }
      arm();
    }, Math.min(MAX_DELAY, Math.max(0, next.at - session.clock.now()) + 5));
  };

  rl.on('SIGINT', () => rl.close());
  print(renderHeader(session, rulesFrom, paint));
  if (interactive) prompt();
  try {
    for await (const line of rl) {
      const command = parseCommand(line);
      if (!interactive && command.kind !== 'say' && command.kind !== 'blank') print([paint.dim(`› ${line.trim()}`)]);
      switch (command.kind) {
        case 'say':
          print(renderSteps(session.say(command.text), session.timeZone, paint));
          break;
        case 'agent':
          print(renderSteps(session.agent(command.text), session.timeZone, paint));
          break;
        case 'wait':
          print([...renderSteps(command.ms === undefined ? session.waitForNextTimer() : session.wait(command.ms), session.timeZone, paint), renderClock(session)]);
          break;
        case 'at': {
          const at = parseWhen(command.when, session.timeZone, session.clock.now());
          if (at === undefined) print([`✗ /at: "${command.when}" is not a time ("2026-11-11 23:30", "23:30", ISO with Z or an offset)`]);
          else print([...renderSteps(session.setTime(at), session.timeZone, paint), renderClock(session)]);
          break;
        }
        case 'new': {
          const { dropped } = session.newBuyer(command.returning ?? defaultReturning);
          print([`🧑 ${session.buyer}${session.returning ? ' (returning)' : ''}: a new conversation${dropped > 0 ? `; ${dropped} pending timer(s) of the last one dropped` : ''}`]);
          break;
        }
        case 'returning':
          session.markReturning();
          print([`🧑 ${session.buyer} is a returning buyer from the next message on`]);
          break;
        case 'state':
          print(renderState(session));
          break;
        case 'help':
          print([CHAT_HELP]);
          break;
        case 'error':
          print([`✗ ${command.message}`]);
          break;
        case 'blank':
          break;
        case 'quit':
          return 0;
      }
      arm();
      if (interactive) prompt();
    }
    return 0;
  } finally {
    clearTimeout(alarm);
    rl.close();
  }
}
