export { ComplaintDetector, type ComplaintHistory, type ComplaintVerdict, type FiredSignal } from './detector.ts';
