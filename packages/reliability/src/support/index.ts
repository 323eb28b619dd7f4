export { pool } from './pool.ts';
export { seeded, type Random } from './random.ts';
export { sleep, until } from './wait.ts';
