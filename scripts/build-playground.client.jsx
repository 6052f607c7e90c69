/*
 * The playground page's script: GraphiQL 3, bundled by scripts/build-playground.mjs into
 * dist/playground/ (no CDN; the page works with no network but the gateway's own origin).
 * The server injects its settings as JSON in <script id="playground-config"> (not executed, so
 * the page's CSP can forbid inline scripts).
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';

const config = JSON.parse(document.getElementById('playground-config').textContent);

/** A plain fetch fetcher: the gateway serves no subscriptions, so no websocket client is bundled. */
async function fetcher(params, options) {
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options && options.headers ? options.headers : {}),
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
    isHeadersEditorEnabled: true,
  }),
);
