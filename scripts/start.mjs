#!/usr/bin/env node
// npm start: build the web client when needed, then run the server in this process.
import { register } from 'tsx/esm/api';
import { buildWebIfNeeded } from './build-web.mjs';

buildWebIfNeeded();
register();
await import('../src/server/main.ts');
