export { DEVSET_PATH, HOLDOUT_PATH, TUNING_PATH, labelledSchema, readLabelled, type Labelled } from './devset.ts';
export { evaluate } from './evaluate.ts';
export { score, type Report, type Scored } from './metrics.ts';
