export { bridgeConfigured, feigeBridgeRoute, sendViaBridge } from './bridge.ts';
