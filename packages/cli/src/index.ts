export { loadRulesDirectory, type LoadedRules } from './rules-dir/load.ts';
export { locate, readRulesDirectory, RulesFileError, type RulesDirectory } from './rules-dir/read.ts';
export { startStack, type Stack, type StackOptions } from './stack/start-stack.ts';
export { CONSOLE_PORT, consoleUrl, LOCAL_CONSOLE_TOKEN, LOCAL_INSPECT_TOKEN, sandboxUrl, STACK_PORTS, stackUrl } from './stack/stack-layout.ts';
export { SIMULATORS } from './simulate/simulators.ts';
export type { SimulatedDelivery, Simulation, Simulator } from './simulate/simulated.ts';
