/**
 * Section 2, connections: sockets the fake server accepted for N sequential requests (default
 * 100) from each client. A client that reuses its keep-alive connection opens one.
 */
import { closeClients, createClients, type StreamingClient } from './clients';
import { atMost, type Figure, type SectionResult } from './figure';
import { type FakeServerProcess, startFakeServerProcess } from './fakeServerProcess';

export interface ConnectionsBenchOptions {
  requests: number;
}

export interface ConnectionCount {
  client: string;
  requests: number;
  sockets: number;
}

const SHORT_ANSWER_CHUNKS = 8;
const SOCKET_BUDGET = 2;

async function countSockets(server: FakeServerProcess, client: StreamingClient, requests: number): Promise<ConnectionCount> {
  const before = await server.connections();
  for (let i = 0; i < requests; i++) {
    for await (const _text of client.stream(`Request ${i}`)) {
      // Read to the end, as a surface would.
    }
  }
  return { client: client.name, requests, sockets: (await server.connections()) - before };
}

export async function benchConnections(options: ConnectionsBenchOptions): Promise<SectionResult & { raw: { counts: ConnectionCount[] } }> {
  const server = await startFakeServerProcess(SHORT_ANSWER_CHUNKS);
  const clients = await createClients(server);
  try {
    // One client at a time, so each count holds only its own sockets.
    const counts: ConnectionCount[] = [];
    for (const client of [clients.provider, clients.raw, clients.sdk]) counts.push(await countSockets(server, client, options.requests));
    const [provider, raw, sdk] = counts;
    const figures: Figure[] = [
      {
        section: 'connections',
        name: `provider: sockets for ${options.requests} sequential requests`,
        value: provider.sockets,
        unit: 'sockets',
        baseline: { name: raw.client, value: raw.sockets },
        target: atMost(provider.sockets, SOCKET_BUDGET, `≤ ${SOCKET_BUDGET}`),
        runs: 1,
        note: `${sdk.client}: ${sdk.sockets}`,
      },
    ];
    return { figures, raw: { counts } };
  } finally {
    await closeClients(clients);
    await server.close();
  }
}
