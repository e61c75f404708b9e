import { loadLocalConfig } from '../../shared/config.ts';
import { type LocalServer, startLocalServer } from './server.ts';

/** `npm start`: the whole product on one machine. */
async function main() {
  const config = loadLocalConfig();
  let server: LocalServer | undefined;
  let stopping = false;
  // Handlers go in before start-up so Ctrl-C during start-up also shuts the engine down.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server = await startLocalServer(config);
  if (stopping) await server.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
