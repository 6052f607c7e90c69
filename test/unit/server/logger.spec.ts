import { Writable } from 'node:stream';
import { createLogger } from '../../../src/server/logger';

function capture(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text) as Record<string, unknown>);
      callback();
    },
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON with a level label and redacts secrets wherever they sit', () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      {
        headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'sid=1', accept: 'x' },
        credentials: { accessKeySecret: 'EmulatorAccessKeySecret', accessKeyId: 'LTAI' },
        token: 't0k3n',
        request: { signature: 'c2ln', stringToSign: 'POST\n/\n...' },
      },
      'hello',
    );
    logger.debug({}, 'not at info');
    expect(lines).toHaveLength(1);
    const text = JSON.stringify(lines[0]);
    for (const secret of ['eyJ.secret.sig', 'sid=1', 'EmulatorAccessKeySecret', 't0k3n', 'c2ln', 'POST\\n']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', service: 'vpc-graphql-gateway', credentials: { accessKeyId: 'LTAI' } });
  });
});
