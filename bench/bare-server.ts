// The baseline: a bare Fastify JSON route, started the same way as Lotse (node + tsx, same logger
// settings), so that Lotse's overhead shows as a ratio measured in the same run.
import Fastify from 'fastify';
import { logController, loggerOptions } from '../src/server/lib/logging';

const app = Fastify({
  logger: loggerOptions(process.env.LOG_LEVEL ?? 'warn'),
  logController: logController(),
});
app.get('/bare', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare server ready');
