/** Where the stack's own output (wrangler, workerd, the workers' console) goes during a run, relative to the repository root. */
export const STACK_LOG = '.wrangler/stack-200/reliability.log';
