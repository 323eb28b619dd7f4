import type { FC } from 'hono/jsx';
import { Notice } from './components.tsx';
import { Layout, type PageCtx } from './layout.tsx';

export const LoginPage: FC<{ ctx: PageCtx; next: string; error?: string; name?: string; accessOn: boolean }> = ({ ctx, next, error, name, accessOn }) => (
  <Layout ctx={ctx} title="登录">
    <section class="card" style="max-width:420px;margin:40px auto">
      <h1>
        登录<small class="en">Sign in</small>
      </h1>
      {error ? <Notice kind="error" testId="login-error">{error}</Notice> : null}
      {accessOn ? <Notice kind="info">本控制台已接入 Cloudflare Access：通过 Access 登录后无需令牌。</Notice> : null}
      <form method="post" action="/login" data-testid="login-form">
        <input type="hidden" name="next" value={next} />
        <p>
          <label>
            控制台令牌<small class="en">CONSOLE_TOKEN</small>
            <input type="password" name="token" required autocomplete="current-password" data-testid="login-token" />
          </label>
        </p>
        <p>
          <label>
            你的名字（记入审计日志）<small class="en">name, for the audit log</small>
            <input type="text" name="name" value={name ?? ''} maxlength={64} placeholder="例如 小王" data-testid="login-name" />
          </label>
        </p>
        <button type="submit" class="primary" data-testid="login-submit">
          登录
        </button>
      </form>
    </section>
  </Layout>
);
