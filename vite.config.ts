import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `file.br` and `file.gz` beside every text file of the build, once, at the strongest
 * settings: the server only picks one by Accept-Encoding (@fastify/static `preCompressed`), so no
 * request pays for compression. A variant that is not smaller is left out (the plain file serves).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'lotse-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true }))
        .filter((f) => /\.(js|css|html|svg|json)$/.test(f))
        .map((f) => path.join(outDir, f));
      await Promise.all(
        files.map(async (file) => {
          const plain = await fs.readFile(file);
          const variants = [
            ['.br', brotli(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })],
            ['.gz', gzip(plain, { level: 9 })],
          ] as const;
          for (const [suffix, compressing] of variants) {
            const packed = await compressing;
            if (packed.length < plain.length) await fs.writeFile(file + suffix, packed);
          }
        }),
      );
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  resolve: {
    // zod with the messages in the user's language, loaded only by the pages that validate.
    alias: [
      { find: /^zod$/, replacement: fileURLToPath(new URL('src/web/ui/i18n/zod.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // What every page needs is one file (compressed better, fewer requests); pages, the
        // logged-in layout and each language's texts are chunks of their own.
        codeSplitting: {
          groups: [{ name: 'app', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
});
