import { z } from 'zod';
import { parseLossless } from './lossless-json.ts';

// The message service's JSON frames (protocols §3.2, PARTIAL: one independent client, Cherrs/pdd-rs
// `src/pmc.rs`). `commandType` is HeartBeat | Ack | Fail | Common; data comes as `Common`.

/** PDD ids and times are Java longs: kept as exact decimal strings (see parseLossless). */
export const long = z.union([z.number().int().nonnegative().transform(String), z.string().regex(/^\d{1,30}$/)]);

/** A `Common` frame: one pushed message. `content` is itself a JSON string. */
export const commonFrame = z.object({
  commandType: z.literal('Common'),
  id: long,
  time: long.optional(),
  sendTime: long,
  message: z.object({
    type: z.string().min(1).max(128),
    mallID: long,
    content: z.string().max(64 * 1024),
  }),
});
export type CommonFrame = z.infer<typeof commonFrame>;

/** Any frame the server sends: data, its heartbeat answer, or a failure notice. */
const serverFrame = z.discriminatedUnion('commandType', [
  commonFrame,
  z.object({ commandType: z.literal('HeartBeat') }),
  z.object({ commandType: z.literal('Fail') }),
  z.object({ commandType: z.literal('Ack') }),
]);

/** What a text frame from the server holds. */
export type ParsedFrame =
  /** A pushed message to record, then ack. */
  | { kind: 'common'; frame: CommonFrame }
  /** Heartbeat answer, failure notice or an ack echo: proof of life, nothing to do. */
  | { kind: 'control'; commandType: 'HeartBeat' | 'Fail' | 'Ack' }
  /** Not JSON, or not a frame we know: it cannot even be acked (no id), so it is only logged. */
  | { kind: 'unreadable'; reason: string };

/** Parse one text frame from the server. Never throws. */
export function parseFrame(data: string): ParsedFrame {
  let json: unknown;
  try {
    json = parseLossless(data);
  } catch {
    return { kind: 'unreadable', reason: 'frame is not JSON' };
  }
  const parsed = serverFrame.safeParse(json);
  if (!parsed.success) return { kind: 'unreadable', reason: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const frame = parsed.data;
  return frame.commandType === 'Common' ? { kind: 'common', frame } : { kind: 'control', commandType: frame.commandType };
}

/** The client heartbeat, sent every 10 s (izerui/pinduoduo `libs/README.md`: 心跳发送间隔为10秒钟). */
export function heartbeatFrame(now: number): string {
  return JSON.stringify({ commandType: 'HeartBeat', time: now });
}

/**
 * The ack for a `Common` frame, echoing its id, sendTime, type and mallID as numbers (pdd-rs
 * `to_ack`). Built by hand so ids past 2^53 go back digit for digit.
 */
export function ackFrame(frame: CommonFrame, now: number): string {
  const { id, sendTime, message } = frame;
  return `{"commandType":"Ack","time":${now},"id":${id},"sendTime":${sendTime},"type":${JSON.stringify(message.type)},"mallID":${message.mallID}}`;
}
