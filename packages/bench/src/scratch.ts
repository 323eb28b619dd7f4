process.env.KEFU_STACK_PORT_OFFSET = '50';
process.env.X_LOCAL_OBSERVABILITY = 'false';
const { startStack } = await import('@kefu/cli');
const stack = await startStack({ rulesDir: '/work/main/rules', fresh: true, platforms: ['jd'] });
console.log('READY');
await new Promise((r) => setTimeout(r, 40000));
await stack.stop();
