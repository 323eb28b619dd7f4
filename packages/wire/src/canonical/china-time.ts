const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `yyyy-MM-dd HH:mm:ss` in GMT+8, the wall-clock form TOP and JOS put in `timestamp`. China has no
 * daylight saving, so a fixed offset is exact and needs no time-zone database.
 */
export function chinaTimestamp(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`epochMs must be a finite number, got ${epochMs}`);
  const d = new Date(Math.floor(epochMs) + OFFSET_MS);
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new RangeError(`epochMs is outside years 0000-9999: ${epochMs}`);
  const date = `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
