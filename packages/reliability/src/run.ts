// The suite itself (main.ts runs it, so the stack's own output goes to a log file). The port offset
// must be set before @kefu/cli is loaded: it fixes the ports when the module is evaluated.
process.env.KEFU_STACK_PORT_OFFSET = '200';
const { runSuite } = await import('./suite.ts');
process.exitCode = await runSuite(process.argv.slice(2));
