import Fastify, { type FastifyInstance } from 'fastify';
import type { PlaygroundAssets } from '../../../../src/server/playground-assets';
import { errorHandlerPlugin } from '../../../../src/server/plugins/error-handler';
import { PLAYGROUND_CSP, playgroundPlugin, renderPlaygroundHtml, wantsPlayground } from '../../../../src/server/plugins/playground';
import { requestStatePlugin } from '../../../../src/server/plugins/request-state';

const assets: PlaygroundAssets = {
  js: Buffer.from('console.log(1)'),
  css: Buffer.from('body{}'),
  tabs: [{ title: 'evil', query: '# </script><script>alert(1)</script>\nquery Evil { regions { regionId } }' }],
  version: 'abc123',
};

describe('renderPlaygroundHtml', () => {
  it('embeds the config as inert JSON that cannot close its script element', () => {
    const html = renderPlaygroundHtml(assets, { graphqlPath: '/graphql', jwt: false });
    expect(html).not.toContain('</script><script>alert');
    const json = /<script id="playground-config" type="application\/json">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual({ endpoint: '/graphql', tabs: [{ query: assets.tabs[0]?.query }] });
    expect(html).toContain('/playground/playground.js?v=abc123');
  });

  it('pre-fills an Authorization header placeholder in jwt mode', () => {
    const html = renderPlaygroundHtml(assets, { graphqlPath: '/graphql', jwt: true });
    expect(html).toContain('Bearer \\u003cyour JWT\\u003e');
  });
});

async function appWith(assetsOrNull: PlaygroundAssets | null): Promise<FastifyInstance> {
  const app = Fastify();
  app.register(requestStatePlugin);
  app.register(errorHandlerPlugin, { bodyLimit: 1024 });
  app.register(playgroundPlugin, { assets: assetsOrNull, graphqlPath: '/graphql', jwt: false });
  // Stands for the GraphQL route, whose own preHandler (authentication) refuses everyone.
  app.get('/graphql', { preHandler: async (_request, reply) => reply.code(401).send({ errors: [] }) }, async () => ({}));
  await app.ready();
  return app;
}

describe('playgroundPlugin', () => {
  it('serves the page with a strict CSP, and the assets', async () => {
    const app = await appWith(assets);
    const page = await app.inject('/playground');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(PLAYGROUND_CSP);
    expect(PLAYGROUND_CSP).toContain("script-src 'self'");
    expect(PLAYGROUND_CSP).toContain("connect-src 'self'");
    const js = await app.inject('/playground/playground.js');
    expect(js.body).toBe('console.log(1)');
    expect(js.headers['cache-control']).toContain('immutable');
    await app.close();
  });

  it('answers a browser at the GraphQL path with the page, before the route authenticates', async () => {
    const app = await appWith(assets);
    const browser = await app.inject({ url: '/graphql', headers: { accept: 'text/html' } });
    expect(browser.statusCode).toBe(200);
    expect(browser.headers['content-type']).toMatch(/^text\/html/);
    const client = await app.inject({ url: '/graphql?query={__typename}', headers: { accept: 'text/html' } });
    expect(client.statusCode).toBe(401);
    await app.close();
  });

  it('explains how to build when the bundle is missing', async () => {
    const app = await appWith(null);
    const page = await app.inject('/playground');
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/npm run build/);
    await app.close();
  });
});

describe('wantsPlayground', () => {
  it('is a browser GET without a query parameter', async () => {
    const app = Fastify();
    app.get('/graphql', async (request) => ({ wants: wantsPlayground(request) }));
    const ask = async (url: string, accept: string) => (await app.inject({ url, headers: { accept } })).json<{ wants: boolean }>().wants;
    expect(await ask('/graphql', 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    expect(await ask('/graphql?query={__typename}', 'text/html')).toBe(false);
    expect(await ask('/graphql', 'application/json')).toBe(false);
    await app.close();
  });
});
