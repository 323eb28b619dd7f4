import { toLocal } from './zoned-time.ts';

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * When the shop reopens, in the buyer's words and the shop's time zone:
 * "今天 09:00", "明天 09:00", or "11月12日(周四) 09:00".
 */
export function renderOpening(opening: number, now: number, timeZone: string): string {
  const at = toLocal(opening, timeZone);
  const today = toLocal(now, timeZone);
  const dayMs = Date.UTC(at.year, at.month - 1, at.day) - Date.UTC(today.year, today.month - 1, today.day);
  const days = Math.round(dayMs / 86_400_000);
  const time = hhmm(at.minutes);
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  return `${at.month}月${at.day}日(${WEEKDAY_ZH[at.weekday]}) ${time}`;
}

/** "2小时", "30分钟", "1小时30分钟". */
export function renderDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}
