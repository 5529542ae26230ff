/** The parent side of fakeServerMain: fork it, learn its URL, ask for its socket count, stop it. */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { type FromServer, FromServerSchema, type ToServer } from './fakeServerProtocol';

export interface FakeServerProcess {
  url: string;
  apiKey: string;
  /** Sockets the server has accepted since it started. */
  connections(): Promise<number>;
  close(): Promise<void>;
}

const REPLY_TIMEOUT_MS = 10_000;

function nextReply<T extends FromServer['type']>(child: ChildProcess, type: T): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`The fake server did not answer "${type}" in ${REPLY_TIMEOUT_MS} ms.`)), REPLY_TIMEOUT_MS);
    const onMessage = (raw: unknown) => {
      const message = FromServerSchema.parse(raw);
      if (message.type === type) finish(undefined, message as Extract<FromServer, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`The fake server exited (code ${code}).`));
    function finish(error?: Error, message?: Extract<FromServer, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the fake server in its own process, answering chat requests with `contentChunks` chunks. */
export async function startFakeServerProcess(contentChunks: number): Promise<FakeServerProcess> {
  const child = fork(path.join(__dirname, 'fakeServerMain.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const send = (message: ToServer) => child.send(message);
  const ready = nextReply(child, 'ready');
  send({ type: 'start', contentChunks });
  const { url, apiKey } = await ready;
  return {
    url,
    apiKey,
    async connections() {
      const reply = nextReply(child, 'connections');
      send({ type: 'connections' });
      return (await reply).count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
