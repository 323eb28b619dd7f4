export { pddMessageSocketPath } from './message-socket.ts';
export { signPdd } from './sign-pdd.ts';
