// The baseline every benchmark is compared with: a bare Fastify endpoint answering a small JSON
// object, in its own process like the Lantern server, on the same machine in the same run.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/baseline', async () => ({ status: 'ok' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`Baseline is listening on ${address}\n`);
process.once('SIGTERM', () => { app.close().then(() => process.exit(0)); });
