import { errorResponses } from '../../contracts/errors';
import type { AppContext } from '../context';
import { type App, sendFile } from '../lib/http';
import { createBackup } from './service';

export function backupRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/backup',
    {
      schema: {
        tags: ['system'],
        summary:
          'A consistent backup of the running installation as .tar.gz (PGlite); for `npm run backup` on this machine, with the token it finds in DATA_DIR',
        response: errorResponses(401, 409),
      },
      // Not a user's session: the token in DATA_DIR is the credential (see backup/service.ts).
      config: { public: true },
    },
    async (request, reply) => {
      const stream = await createBackup(ctx, {
        authorization: request.headers.authorization,
        remoteAddress: request.socket.remoteAddress,
        localAddress: request.socket.localAddress,
        ip: request.ip,
        onError: (error) => request.log.error({ err: error }, 'backup broke off'),
      });
      return sendFile(reply, {
        content: stream,
        filename: 'lotse-backup.tar.gz',
        mimeType: 'application/gzip',
      });
    },
  );
}
