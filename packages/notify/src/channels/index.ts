export { CHANNEL_TYPES, channelConfig, channelsConfig, parseChannels, type ChannelConfig, type ChannelType } from './channel-config.ts';
