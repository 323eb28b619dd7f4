export { SEVERITIES, type ChannelRequest, type Escalation, type Severity } from './escalation.ts';
