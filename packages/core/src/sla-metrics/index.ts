export { scoreRound, slaDailyMetrics, type DailySlaMetrics, type RoundScore } from './daily.ts';
export { UNCAPPED_HORIZON_SECONDS } from './policy.ts';
export { trackRound, type MetricsRound, type RoundsState } from './round.ts';
