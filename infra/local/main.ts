import { ConfigError, loadLocalConfig } from '../../shared/config.ts';
import { startLocalServer } from './server.ts';

/** `npm start`: the whole product on one machine. */
async function main() {
  const config = loadLocalConfig();
  const server = await startLocalServer(config);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
