const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: a configuration mistake, better loud than silently UTC.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(epochMs: number, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) out[p.type] = p.value;
  return out;
}

/** `14:05:30` in `timeZone`. */
export function clock(epochMs: number, timeZone: string): string {
  const p = parts(epochMs, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** `11-23 14:05:30` in `timeZone`. */
export function dateClock(epochMs: number, timeZone: string): string {
  const p = parts(epochMs, timeZone);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `80 秒`, `12 分钟`, `3 小时 5 分`, `2 天 4 小时`: whole units, rounded down. */
export function span(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s < 120) return `${s} 秒`;
  if (s < 7200) return `${Math.floor(s / 60)} 分钟`;
  if (s < 172_800) return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
  return `${Math.floor(s / 86_400)} 天 ${Math.floor((s % 86_400) / 3600)} 小时`;
}

/**
 * A reply deadline as the team reads it: `11-23 14:05:30（还剩 80 秒）`, or `（已超时 12 秒）` once
 * passed. Relative to `now`, so a message rendered late still tells the truth when it was rendered.
 */
export function formatDeadline(deadline: number, now: number, timeZone: string): string {
  const left = deadline - now;
  const relative = left >= 1000 ? `还剩 ${span(left)}` : left > -1000 ? '已到期' : `已超时 ${span(left)}`;
  return `${dateClock(deadline, timeZone)}（${relative}）`;
}
