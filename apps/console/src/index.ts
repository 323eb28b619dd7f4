// The web console Worker (apps/console): server-rendered pages over every platform worker's admin
// routes. See README.md for routes, bindings, secrets and Cloudflare Access.
import { createApp } from './app.ts';

export default createApp();
