export { ackFrame, heartbeatFrame, parseFrame, type CommonFrame, type ParsedFrame } from './frames.ts';
export { parseLossless } from './lossless-json.ts';
export { alarmStep, HEARTBEAT_MS, PddMessageSocket, reconnectDelay, SILENCE_LIMIT_MS, type SocketStatus } from './message-socket.ts';
export { ORDER_STATUS_BY_TYPE, orderMessage, type OrderMessage } from './order-messages.ts';
export { messageSocketStub } from './socket-stub.ts';
export { messageSocketUrl } from './socket-url.ts';
