import { describe, expect, it } from 'vitest';
import { runCs } from '../test-support/run-cs.ts';

describe('cs chat', () => {
  it('should run a piped conversation to the end of input and exit 0, without prompts or colour', () => {
    const input = ['收到的杯子碎了,什么破质量,不处理我就打12315投诉!!!', '/wait 2m', '/agent 亲 非常抱歉 马上为您处理', '/wait', '/state', '/new', '亲 下单后几天发货呀', '/bogus', ''].join('\n');
    const { code, stdout, stderr } = runCs(['chat', '--platform', 'taobao', '--shop', 's1', '--at', '2026-11-18 10:00'], input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('cs chat · taobao · shop s1');
    expect(stdout).toContain('2026-11-18 10:00:00 周三 (Asia/Shanghai) · open until 23:00');
    expect(stdout).toContain('scripts.complaintSoothe');
    expect(stdout).toMatch(/🚨 escalate (high|critical)\n\s+complaint\.\w+ .*"12315"/);
    expect(stdout).toContain('⏰ schedule sla_alert at 10:01:40 (in 1m40s)');
    expect(stdout).toContain('[11-18 10:01:40] ⏰ timer sla_alert fires');
    expect(stdout).toContain('sla.round_closed');
    expect(stdout).toContain('sla.timer_stale');
    expect(stdout).toContain('SLA round: none open');
    expect(stdout).toMatch(/reply \[shipping_time · shipping-time 0\.\d\d\]/);
    expect(stdout).toContain('✗ unknown command /bogus');
    expect(stdout).not.toContain('\x1b[');
    expect(stdout).not.toContain('buyer-1> ');
  });

  it('should refuse an unreadable --at with exit code 2', () => {
    const { code, stderr } = runCs(['chat', '--platform', 'taobao', '--at', 'tomorrow'], '');
    expect(code).toBe(2);
    expect(stderr).toContain('--at "tomorrow" is not a time');
  });
});
