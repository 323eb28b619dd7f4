export { BusinessCalendar, type Span } from './calendar.ts';
export { renderDuration, renderOpening } from './render.ts';
export { clockMinutes, fromLocal, toLocal, type LocalTime } from './zoned-time.ts';
