/**
 * The GraphiQL playground, offline: `GET /playground`, and `GET /graphql` from a browser (Accept
 * text/html, no `query`), with the example operations of operations/*.graphql as tabs.
 * Invariant: the page's CSP allows only the gateway's own origin (no CDN, no inline script).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { PlaygroundAssets } from '../playground-assets';

export const PLAYGROUND_PATH = '/playground';

/** JSON safe inside a <script> element: no `</script>`, no HTML comment openers. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror and GraphiQL set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function renderPlaygroundHtml(assets: PlaygroundAssets, options: { graphqlPath: string; jwt: boolean }): string {
  const headers = options.jwt ? JSON.stringify({ Authorization: 'Bearer <your JWT>' }, null, 2) : undefined;
  const tabs = assets.tabs.map((tab) => ({ query: tab.query, ...(headers === undefined ? {} : { headers }) }));
  const config = { endpoint: options.graphqlPath, tabs };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VPC GraphQL Gateway - Playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PLAYGROUND_PATH}/playground.css?v=${assets.version}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
<script id="playground-config" type="application/json">${scriptJson(config)}</script>
</head>
<body>
<div id="graphiql">Loading the playground...</div>
<script src="${PLAYGROUND_PATH}/playground.js?v=${assets.version}"></script>
</body>
</html>
`;
}

/** A browser navigating to the GraphQL endpoint, as opposed to a GraphQL GET request. */
export function wantsPlayground(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  const query = request.query as Record<string, unknown> | undefined;
  if (query !== undefined && query !== null && 'query' in query) return false;
  const accept = request.headers.accept ?? '';
  return /text\/html/i.test(accept);
}

export interface PlaygroundPluginOptions {
  /** null: bundle not built; the page then says how to build it (503). */
  assets: PlaygroundAssets | null;
  graphqlPath: string;
  /** Pre-fills an Authorization header placeholder in the tabs. */
  jwt: boolean;
}

async function playground(app: FastifyInstance, { assets, graphqlPath, jwt }: PlaygroundPluginOptions): Promise<void> {
  const html = assets === null ? null : renderPlaygroundHtml(assets, { graphqlPath, jwt });
  const sendPage = (reply: FastifyReply): FastifyReply =>
    html === null
      ? reply.code(503).type('text/plain; charset=utf-8').send('The playground bundle is not built: run `npm run build` (dist/playground/ is missing).\n')
      : reply
          .header('content-security-policy', PLAYGROUND_CSP)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(html);

  app.get(PLAYGROUND_PATH, async (_request, reply) => sendPage(reply));
  // An app-level preHandler runs before the route's own (authentication): a browser gets the page.
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== graphqlPath || !wantsPlayground(request)) return undefined;
    request.gateway.servedPlayground = true;
    return sendPage(reply);
  });
  if (assets === null) return;
  const asset = (body: Buffer, type: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').type(type).send(body);
  app.get(`${PLAYGROUND_PATH}/playground.js`, asset(assets.js, 'text/javascript; charset=utf-8'));
  app.get(`${PLAYGROUND_PATH}/playground.css`, asset(assets.css, 'text/css; charset=utf-8'));
}

export const playgroundPlugin = fp(playground, {
  name: 'gateway-playground',
  fastify: '5.x',
  dependencies: ['gateway-request-state', 'gateway-error-handler'],
});
