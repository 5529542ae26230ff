import { strict as assert } from 'node:assert';
import { createLogger, type LogLevel } from '../../../src/provider/logger';

function capture(level?: LogLevel) {
  const lines: [LogLevel, string][] = [];
  const logger = createLogger({ level, sink: (l, line) => lines.push([l, line]), now: () => new Date(0) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes time-stamped lines at or above its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    assert.deepEqual(lines, [
      ['warn', '1970-01-01T00:00:00.000Z [warn] w'],
      ['error', '1970-01-01T00:00:00.000Z [error] e'],
    ]);
  });

  it('defaults to info', () => {
    const { logger, lines } = capture();
    logger.debug('hidden');
    logger.info('shown');
    assert.equal(lines.length, 1);
  });

  it('redacts API keys and bearer tokens in messages and details', () => {
    const { logger, lines } = capture('debug');
    logger.info('key xai-abcdefghijklmnopqrstuvwxyz used', { headers: { authorization: 'Bearer abc.def-123' } }, new Error('bad xai-zzzzzzzzzzzz'));
    const line = lines[0][1];
    assert.doesNotMatch(line, /abcdefghij|abc\.def|zzzzzz/);
    assert.match(line, /\[REDACTED\]/);
    assert.match(line, /Bearer \[REDACTED\]/);
    assert.match(line, /Error: bad/);
  });

  it('writes to the console by default', () => {
    const original = console.warn;
    const seen: string[] = [];
    console.warn = (line: string) => void seen.push(line);
    try {
      createLogger().warn('to the console');
    } finally {
      console.warn = original;
    }
    assert.equal(seen.length, 1);
    assert.match(seen[0], /\[warn\] to the console$/);
  });
});
