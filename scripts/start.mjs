#!/usr/bin/env node
// npm start: build the web client and the server bundle when their sources changed, then run.
import { buildServerIfNeeded } from './build-server.mjs';
import { buildWebIfNeeded } from './build-web.mjs';

buildWebIfNeeded();
await buildServerIfNeeded();
await import('../dist/server/main.js');
