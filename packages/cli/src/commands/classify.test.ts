import { describe, expect, it } from 'vitest';
import { runCs } from '../test-support/run-cs.ts';

describe('cs classify', () => {
  it('should write one decision line per input line, in order', () => {
    const input = ['{"id":"a","text":"亲 什么时候发货呀"}', '', '{"id":2,"text":"收到的杯子碎了,我要投诉12315!!!"}', '{"id":"c","text":"你们有没有卖猫粮"}'].join('\n');
    const { code, stdout } = runCs(['classify'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
    expect(lines[0]).toMatchObject({ intent: 'shipping_time', escalate: false });
    expect(lines[1]).toMatchObject({ intent: 'complaint', escalate: true, ruleId: 'scripts.complaintSoothe' });
    expect(lines[1].reasons.join(' ')).toContain('12315');
    expect(lines[2]).toMatchObject({ intent: 'other', escalate: false });
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(['escalate', 'id', 'intent', 'reasons', 'ruleId', 'score']);
  });

  it('should report a bad line in place and exit 1, keeping the rest', () => {
    const { code, stdout } = runCs(['classify'], '{"id":"a","text":"在吗"}\nnot json\n{"id":"b"}\n{"id":"c","text":"在吗"}\n');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'b', 'c']);
    expect(lines[1].error).toContain('not JSON');
    expect(lines[2].error).toContain('text');
  });

  it('should refuse an unreadable rules directory with exit code 2', () => {
    const { code, stderr } = runCs(['classify', '--rules', 'no/such/dir'], '');
    expect(code).toBe(2);
    expect(stderr).toContain('not a rules directory');
  });
});
