import { Hono } from 'hono';
import { requireSameOrigin } from './auth/csrf.ts';
import { requireAuth } from './auth/middleware.ts';
import type { AppEnv } from './env.ts';
import { BadInput } from './forms/bad-input.ts';
import { errorPage } from './pages/error-page.tsx';
import { mountAudit } from './routes/audit-routes.tsx';
import { mountEditor } from './routes/editor-routes.tsx';
import { mountEscalations } from './routes/escalations-routes.tsx';
import { mountOverview } from './routes/overview-routes.tsx';
import { mountRules } from './routes/rules-routes.tsx';
import { securityHeaders } from './routes/security-headers.ts';
import { mountSession } from './routes/session-routes.tsx';
import { mountSla } from './routes/sla-routes.tsx';
import { mountTester } from './routes/tester-routes.tsx';

/** The console: public /health and /login, everything else behind requireAuth (+ CSRF on writes). */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders);
  app.get('/health', (c) => c.json({ ok: true, service: 'console' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  mountSession(app);
  app.use(requireAuth, requireSameOrigin);
  mountOverview(app);
  mountRules(app);
  mountEditor(app);
  mountTester(app);
  mountEscalations(app);
  mountSla(app);
  mountAudit(app);

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404);
    return errorPage(c, 404, '页面不存在', [`${c.req.method} ${c.req.path}`]);
  });

  app.onError(async (error, c) => {
    const api = c.req.path.startsWith('/api/');
    if (error instanceof BadInput) {
      if (api) return c.json({ error: 'bad_request', message: error.message, problems: error.problems }, 400);
      return errorPage(c, 400, '输入有误', error.problems);
    }
    console.error(`console: ${c.req.method} ${c.req.path} failed:`, error);
    if (api) return c.json({ error: 'internal', message: (error as Error).message }, 500);
    return errorPage(c, 500, '控制台出错', [(error as Error).message]);
  });
  return app;
}
