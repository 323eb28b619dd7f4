// `pnpm bench` starts here. The stack's ports and storage folder are fixed when @kefu/cli's
// stack-layout is first imported, so the offset is set before anything imports it: the rest of
// the bench is loaded dynamically after this line.
import { PORT_OFFSET } from './layout/bench-layout.ts';

process.env.KEFU_STACK_PORT_OFFSET = String(PORT_OFFSET);
// wrangler dev stores a trace of every invocation by default: a cost only local dev has. Off for
// every worker this run starts (they inherit this environment), so the figures are our code's.
process.env.X_LOCAL_OBSERVABILITY = 'false';
await import('./run-bench.ts');
