import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env.ts';
import { pageCtx } from '../routes/page-ctx.ts';
import { Notice } from './components.tsx';
import { Layout } from './layout.tsx';

/** A full page saying what went wrong (bad input, refused request) — with the navigation, so nobody is stuck. */
export async function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, title: string, problems: string[]) {
  const ctx = await pageCtx(c);
  return c.html(
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <Notice kind="error" testId="error">
        <ul class="findings">
          {problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      </Notice>
      <p>
        <a href="/">返回概览</a>
      </p>
    </Layout>,
    status,
  );
}
