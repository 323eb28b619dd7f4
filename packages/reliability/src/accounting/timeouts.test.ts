import { describe, expect, it } from 'vitest';
import { wecomMsgid } from './record-keys.ts';
import { timedOutKeys } from './timeouts.ts';

describe('timedOutKeys', () => {
  it('should find sends and notices that timed out in the workers’ log, ANSI colours and all', () => {
    const log = [
      '\u001b[33m▲ \u001b[43;33m[\u001b[43;30mWARNING\u001b[43;33m]\u001b[0m \u001b[1msend r1-L8248#0 attempt 1 failed: /cgi-bin/kf/send_msg: network error (TimeoutError)\u001b[0m',
      '▲ [WARNING] notify: jd|shop|buyer|r1-L7559%232%230#0 retry (network: TimeoutError: The operation was aborted due to timeout); again in 2000 ms',
      '▲ [WARNING] notify: jd|shop|buyer|r1-L1#0 retry (HTTP 503); again in 2000 ms',
      '▲ [WARNING] send r1-L9#0 attempt 2 failed: bridge answered 503',
    ].join('\n');
    const keys = timedOutKeys(log);
    expect(keys.has('r1-L8248#0')).toBe(true);
    expect(keys.has(wecomMsgid('r1-L8248#0'))).toBe(true);
    expect(keys.has('jd|shop|buyer|r1-L7559%232%230#0')).toBe(true);
    expect(keys.has('jd|shop|buyer|r1-L1#0')).toBe(false);
    expect(keys.has('r1-L9#0')).toBe(false);
  });
});
