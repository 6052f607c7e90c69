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

/** Whether the document defines an operation with this name. */
function definesOperation(query, name) {
  return /^[_A-Za-z][_0-9A-Za-z]*$/.test(name) && new RegExp(`\\b(query|mutation|subscription)\\s+${name}\\b`).test(query);
}

/**
 * A plain fetch fetcher: the gateway serves no subscriptions, so no websocket client is bundled.
 * Right after a tab switch GraphiQL can still send the previous tab's operationName (it derives
 * the name asynchronously); a name the document does not define is dropped instead of earning a
 * 400 "Unknown operation". `x-gateway-playground` lets the query text through a development
 * gateway that runs only trusted documents (src/server/graphql/trusted-documents.ts).
 */
async function fetcher(params, options) {
  const body = { ...params };
  if (body.operationName && !definesOperation(body.query || '', body.operationName)) delete body.operationName;
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      'x-gateway-playground': '1',
      ...(options && options.headers ? options.headers : {}),
    },
    body: JSON.stringify(body),
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
