import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildEuropeGeoJson } from './build/europe-geojson.ts';

const MAP_FILE = 'europe.geo.json';

/** Serves (dev) and emits (build) the map's boundaries as a static file fetched by the map, not bundled in the JS. */
function europeMap(): Plugin {
  let json: string | undefined;
  const source = () => (json ??= JSON.stringify(buildEuropeGeoJson()));
  return {
    name: 'pactcycle-europe-map',
    configureServer(server) {
      server.middlewares.use(`/${MAP_FILE}`, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MAP_FILE, source: source() });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [europeMap()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
