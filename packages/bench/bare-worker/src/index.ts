// A bare Hono worker: the floor the platform workers' HTTP figures are divided by.
import { Hono } from 'hono';

const app = new Hono();
app.get('/health', (c) => c.json({ ok: true }));
app.all('*', (c) => c.text('ok'));

export default app;
