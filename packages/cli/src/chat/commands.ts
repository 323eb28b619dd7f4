import { parseDuration } from './time.ts';

/** One line typed in the chat, understood. */
export type Command =
  | { kind: 'say'; text: string }
  | { kind: 'agent'; text: string }
  /** `ms` undefined: until the next pending timer. */
  | { kind: 'wait'; ms?: number }
  | { kind: 'at'; when: string }
  /** `returning` undefined: as the session was started (`--returning`). */
  | { kind: 'new'; returning?: boolean }
  | { kind: 'returning' }
  | { kind: 'state' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'blank' }
  | { kind: 'error'; message: string };

export const CHAT_HELP = `type a line as the buyer; commands:
  /wait [5m|90s|1h30m]   let simulated time pass (no argument: until the next timer), firing due timers
  /agent <text>          a person on the shop's side replies: the bot goes quiet, the SLA round closes
  /at <time>             set the clock: "2026-11-11 23:30", "23:30" (today), or ISO with Z/offset — shop time zone
  /new [returning]       the next buyer, a fresh conversation (pending timers of the old one are dropped)
  /returning             mark this buyer as returning (the platform's hint on their next messages)
  /state                 the conversation state: clock, hours, SLA round, timers, quiet period, answers
  /help, /quit           this help; leave (end of input does too)
a line starting with "//" is sent as buyer text starting with "/".`;

/** Parse one input line. Plain text is the buyer speaking. */
export function parseCommand(raw: string): Command {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  if (line.startsWith('//')) return { kind: 'say', text: line.slice(1) };
  if (!line.startsWith('/')) return { kind: 'say', text: line };
  const space = line.search(/\s/);
  const name = (space < 0 ? line.slice(1) : line.slice(1, space)).toLowerCase();
  const rest = space < 0 ? '' : line.slice(space + 1).trim();
  switch (name) {
    case 'wait':
    case 'w': {
      if (!rest) return { kind: 'wait' };
      const ms = parseDuration(rest);
      return ms === undefined ? { kind: 'error', message: `/wait: "${rest}" is not a duration (5m, 90s, 1h30m)` } : { kind: 'wait', ms };
    }
    case 'agent':
    case 'a':
      return rest ? { kind: 'agent', text: rest } : { kind: 'error', message: '/agent needs the text the person replies' };
    case 'at':
      return rest ? { kind: 'at', when: rest } : { kind: 'error', message: '/at needs a time: "2026-11-11 23:30", "23:30" or ISO' };
    case 'new':
      if (!rest) return { kind: 'new' };
      if (rest === 'returning') return { kind: 'new', returning: true };
      if (rest === 'first') return { kind: 'new', returning: false };
      return { kind: 'error', message: '/new takes nothing, "returning" or "first"' };
    case 'returning':
      return { kind: 'returning' };
    case 'state':
    case 's':
      return { kind: 'state' };
    case 'help':
    case 'h':
    case '?':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
    case 'q':
      return { kind: 'quit' };
    default:
      return { kind: 'error', message: `unknown command /${name} (try /help)` };
  }
}
