import { describe, expect, it } from 'vitest';
import { ackFrame, alarmStep, heartbeatFrame, parseFrame, parseLossless, reconnectDelay, SILENCE_LIMIT_MS } from '../src/message-socket/index.ts';

// A Common frame as pdd-rs `src/pmc.rs` reads it, with a RefundCreated content as seen in user code.
const common = (id: string) =>
  `{"id":${id},"commandType":"Common","time":1700000000100,"sendTime":1700000000000,"message":{"type":"pdd_refund_RefundCreated","mallID":171504183,"content":"{\\"mall_id\\":171504183,\\"refund_id\\":7381745730,\\"tid\\":\\"210707-339507978993455\\"}"}}`;

describe('message-service frames', () => {
  it('should read a Common frame and ack it with its id, sendTime, type and mallID', () => {
    const parsed = parseFrame(common('123456'));
    expect(parsed.kind).toBe('common');
    if (parsed.kind !== 'common') return;
    expect(JSON.parse(ackFrame(parsed.frame, 1700000000500))).toEqual({ commandType: 'Ack', time: 1700000000500, id: 123456, sendTime: 1700000000000, type: 'pdd_refund_RefundCreated', mallID: 171504183 });
  });

  it('should keep an id past 2^53 exact from frame to ack', () => {
    const parsed = parseFrame(common('9223372036854775807'));
    if (parsed.kind !== 'common') throw new Error(parsed.kind);
    expect(parsed.frame.id).toBe('9223372036854775807');
    expect(ackFrame(parsed.frame, 1)).toContain('"id":9223372036854775807,');
  });

  it('should tell heartbeats and failures from data, and garbage from both', () => {
    expect(parseFrame('{"commandType":"HeartBeat","time":1}')).toEqual({ kind: 'control', commandType: 'HeartBeat' });
    expect(parseFrame('{"commandType":"Fail"}')).toEqual({ kind: 'control', commandType: 'Fail' });
    for (const garbage of ['', 'nope', '[]', 'null', '{"commandType":"Common","id":1}', '{"commandType":"Other"}']) expect(parseFrame(garbage).kind).toBe('unreadable');
  });

  it('should write the heartbeat the official client sends', () => {
    expect(JSON.parse(heartbeatFrame(1700000000000))).toEqual({ commandType: 'HeartBeat', time: 1700000000000 });
  });
});

describe('parseLossless', () => {
  it('should turn only long integers outside strings into strings', () => {
    expect(parseLossless('{"a":12345678901234567,"b":"12345678901234567","c":1.5,"d":-3,"e":"x\\"9999999999999999"}')).toEqual({ a: '12345678901234567', b: '12345678901234567', c: 1.5, d: -3, e: 'x"9999999999999999' });
  });

  it('should throw on bad JSON like JSON.parse', () => {
    expect(() => parseLossless('{"a":')).toThrow(SyntaxError);
  });
});

describe('socket alarm', () => {
  it('should heartbeat a live socket, reconnect a silent one and connect a missing one', () => {
    const now = 1_700_000_000_000;
    expect(alarmStep(true, now - 5_000, now)).toBe('heartbeat');
    expect(alarmStep(true, now - SILENCE_LIMIT_MS - 1, now)).toBe('reconnect');
    expect(alarmStep(false, now, now)).toBe('connect');
  });

  it('should back off 1, 2, 4 … seconds up to a minute', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });
});
