/**
 * The emulator's HTTP protocol over real sockets: routing, Formats, parameter parsing, bounds and
 * malformed input. A fake domain isolates the protocol layer and records what reached it.
 */
import { connect } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { Agent, request } from 'undici';
import { useEmulator } from '../../support/emulator';
import { BIG_ACCOUNT_ID, FakeDomain } from './fake-domain';

const domain = new FakeDomain();
const internalErrors: unknown[] = [];
const emu = useEmulator({
  domain,
  limits: { maxBodyBytes: 4096, maxParameters: 50 },
  onInternalError: (e) => internalErrors.push(e),
});
const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const xml = new XMLParser({ parseTagValue: false });

/** Writes raw bytes on a fresh socket; resolves with what came back once the server closed it or after waitMs. */
function rawExchange(port: number, chunks: Array<string | Buffer>, waitMs = 300): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d) => (received += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

async function stillServes(): Promise<void> {
  const res = await emu.client().call('DescribeRegions', { RegionId: 'cn-hangzhou' });
  expect(res.status).toBe(200);
}

beforeEach(() => {
  domain.dispatched.length = 0;
  internalErrors.length = 0;
});

describe('success bodies', () => {
  it('JSON: 200, content type, request id header = body RequestId, exact 64-bit integers', async () => {
    const res = await emu.client().call('DescribePhysicalConnections', { RegionId: 'cn-hangzhou' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(res.headers['x-acs-request-id']).toMatch(UUID);
    expect(res.text).toContain(`"ParentPhysicalConnectionAliUid":${BIG_ACCOUNT_ID}`);
    const body = res.json<{ RequestId: string; TotalCount: number }>();
    expect(body.RequestId).toBe(res.headers['x-acs-request-id']);
    expect(body.TotalCount).toBe(2);
    expect(domain.dispatched[0]?.requestId).toBe(body.RequestId);
  });

  it('XML (Format case-insensitive): <{Action}Response>, arrays repeat their key, text escaped', async () => {
    const res = await emu.client({ format: 'xml' }).call('DescribePhysicalConnections', { RegionId: 'cn-hangzhou' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><DescribePhysicalConnectionsResponse><RequestId>')).toBe(true);
    expect(res.text).toContain('<PhysicalConnectionType><PhysicalConnectionId>pc-1</PhysicalConnectionId><Name>a &amp; &lt;b&gt;</Name>');
    const parsed = xml.parse(res.text) as {
      DescribePhysicalConnectionsResponse: { RequestId: string; PhysicalConnectionSet: { PhysicalConnectionType: Array<Record<string, string>> } };
    };
    const items = parsed.DescribePhysicalConnectionsResponse.PhysicalConnectionSet.PhysicalConnectionType;
    expect(items.map((i) => i['Name'])).toEqual(['a & <b>', 'second']);
    expect(items[0]?.['ParentPhysicalConnectionAliUid']).toBe(BIG_ACCOUNT_ID);
    expect(parsed.DescribePhysicalConnectionsResponse.RequestId).toBe(res.headers['x-acs-request-id']);
  });

  it('keeps a RequestId the domain returns (ClientToken replay)', async () => {
    const res = await emu.client().call('Replayed', {});
    expect(res.json()).toEqual({ RequestId: 'ORIGINAL-REQUEST-ID' });
    expect(res.headers['x-acs-request-id']).toMatch(UUID);
  });

  it('TerminatePhysicalConnection in XML is just the RequestId under its root', async () => {
    const res = await emu.client({ format: 'XML' }).call('TerminatePhysicalConnection', { PhysicalConnectionId: 'pc-1' });
    expect(res.text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><TerminatePhysicalConnectionResponse><RequestId>${res.headers['x-acs-request-id']}</RequestId></TerminatePhysicalConnectionResponse>`,
    );
  });
});

describe('error bodies', () => {
  it('JSON: status and {RequestId, HostId, Code, Message, Recommend}', async () => {
    const res = await emu.client().call('TerminatePhysicalConnection', { PhysicalConnectionId: 'pc-missing' });
    expect(res.status).toBe(404);
    const id = res.headers['x-acs-request-id'];
    expect(res.json()).toEqual({
      RequestId: id,
      HostId: `127.0.0.1:${emu.emulator.port}`,
      Code: 'InvalidPhysicalConnectionId.NotFound',
      Message: 'The specified physical connection does not exist.',
      Recommend: `https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=InvalidPhysicalConnectionId.NotFound&product=Vpc&requestId=${id}`,
    });
  });

  it('XML: the same under <Error>', async () => {
    const res = await emu.client({ algorithm: 'V1', format: 'XML' }).call('TerminatePhysicalConnection', { PhysicalConnectionId: 'x' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/xml;charset=utf-8');
    const parsed = xml.parse(res.text) as { Error: Record<string, string> };
    expect(parsed.Error).toEqual({
      RequestId: res.headers['x-acs-request-id'],
      HostId: `127.0.0.1:${emu.emulator.port}`,
      Code: 'InvalidPhysicalConnectionId.NotFound',
      Message: 'The specified physical connection does not exist.',
      Recommend: expect.stringContaining('q=InvalidPhysicalConnectionId.NotFound'),
    });
  });

  it('HostId falls back to vpc.aliyuncs.com for an implausible Host header', async () => {
    const reply = await rawExchange(emu.emulator.port, [
      'GET /?Action=DescribeRegions HTTP/1.1\r\nHost: evil<script>\r\nConnection: close\r\n\r\n',
    ]);
    expect(reply).toContain('"HostId":"vpc.aliyuncs.com"');
  });

  it('a non-ApiError from the domain -> 500 InternalError, reported to onInternalError, nothing leaked', async () => {
    const res = await emu.client().call('Explode', {});
    expect(res.status).toBe(500);
    expect(res.json()).toMatchObject({
      Code: 'InternalError',
      Message: 'The request processing has failed due to some unknown error.',
    });
    expect(res.text).not.toContain('domain bug');
    expect(internalErrors).toHaveLength(1);
  });
});

describe('routing', () => {
  it('unknown Action -> 404 InvalidAction.NotFound', async () => {
    const res = await emu.client().call('LaunchRockets', {});
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({
      Code: 'InvalidAction.NotFound',
      Message: 'Specified api is not found, please check your url and method.',
    });
  });

  it('bad Version -> 400 InvalidVersion; none -> MissingParameter', async () => {
    const bad = await emu.client().call('DescribeRegions', {}, { version: '2014-05-26' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ Code: 'InvalidVersion', Message: 'Specified parameter Version is not valid.' });
    const none = await emu.client({ algorithm: 'V1' }).call('DescribeRegions', {}, { omit: ['Version'] });
    expect(none.json()).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('"Version"') });
  });

  it('no Action -> 400 MissingParameter', async () => {
    const res = await emu.client({ algorithm: 'V1' }).call('', {}, { omit: ['Action'] });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('"Action"') });
  });

  it('another path -> 404 InvalidApi.NotFound; another method -> UnsupportedHTTPMethod', async () => {
    const client = emu.client({ algorithm: 'V1' });
    const prepared = client.prepare('DescribeRegions', {});
    const wrongPath = await client.send({ ...prepared, path: prepared.path.replace('/?', '/v2/?') });
    expect(wrongPath.status).toBe(404);
    expect(wrongPath.json()).toMatchObject({ Code: 'InvalidApi.NotFound' });
    const put = await request(`${emu.url}/?Action=DescribeRegions`, { method: 'PUT', body: 'x' });
    expect(put.statusCode).toBe(400);
    expect(await put.body.json()).toMatchObject({ Code: 'UnsupportedHTTPMethod', Message: 'This http method not supported.' });
    expect(domain.dispatched).toHaveLength(0);
  });

  it('Format other than JSON/XML -> 400 InvalidParameter.Format (answered in JSON)', async () => {
    const res = await emu.client().call('DescribeRegions', {}, { format: 'yaml' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ Code: 'InvalidParameter.Format' });
  });
});

describe('parameters', () => {
  it('V1 GET (query), V1 POST (form body), V3 POST (query) and V3 POST (form body) reach the domain alike', async () => {
    const business = { RegionId: 'cn-hangzhou', 'Filter.1.Key': 'Name', 'Filter.1.Value.1': 'a b*c~中' };
    const v1 = emu.client({ algorithm: 'V1' });
    const v3 = emu.client({ algorithm: 'V3' });
    const responses = [
      await v1.call('DescribePhysicalConnections', business, { method: 'GET' }),
      await v1.call('DescribePhysicalConnections', business, { method: 'POST' }),
      await v1.call('DescribePhysicalConnections', business, { method: 'POST', placement: 'query' }),
      await v3.call('DescribePhysicalConnections', business),
      await v3.call('DescribePhysicalConnections', business, { placement: 'body' }),
      await v3.call('DescribePhysicalConnections', business, { method: 'GET' }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(domain.dispatched.map((d) => d.params)).toEqual(Array(6).fill(business));
    expect(domain.dispatched.every((d) => d.accountId === '1688000000000001')).toBe(true);
  });

  it('strips common, signature and reseller parameters before the domain', async () => {
    const reseller = { OwnerId: '1', OwnerAccount: 'o', ResourceOwnerId: '2', ResourceOwnerAccount: 'r', RegionId: 'cn-hangzhou' };
    await emu.client({ algorithm: 'V1' }).call('DescribeRegions', reseller);
    expect(domain.dispatched[0]?.params).toEqual({ RegionId: 'cn-hangzhou' });
  });

  it('a parameter given twice with different values -> 400 InvalidParameter (query or query+body)', async () => {
    const client = emu.client({ algorithm: 'V1' });
    const prepared = client.prepare('DescribeRegions', { RegionId: 'cn-hangzhou' });
    const twice = await client.send({ ...prepared, path: `${prepared.path}&RegionId=cn-shanghai` });
    expect(twice.status).toBe(400);
    expect(twice.json()).toMatchObject({ Code: 'InvalidParameter', Message: 'The specified parameter "RegionId" is not valid.' });
    const post = client.prepare('DescribeRegions', { RegionId: 'cn-hangzhou' }, { method: 'POST' });
    const split = await client.send({ ...post, path: '/?RegionId=cn-beijing' });
    expect(split.json()).toMatchObject({ Code: 'InvalidParameter' });
    expect(domain.dispatched).toHaveLength(0);
    await stillServes();
  });

  it('bad percent-encoding -> 400 and the next request is served', async () => {
    const res = await request(`${emu.url}/?Action=DescribeRegions&RegionId=%E4%B8&Bad=%zz`);
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('percent-encoding') });
    await stillServes();
  });

  it('a binary body -> 400', async () => {
    const res = await request(`${emu.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from([0x41, 0x3d, 0xff, 0xfe, 0x00, 0x80]),
    });
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('UTF-8') });
    await stillServes();
  });

  it('too many parameters -> 400', async () => {
    const query = Array.from({ length: 60 }, (_, i) => `P${i}=${i}`).join('&');
    const res = await request(`${emu.url}/?Action=DescribeRegions&${query}`);
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ Message: 'The request carries more than 50 parameters.' });
  });

  it('an oversized body -> 413 (declared length or chunked) and the server keeps serving', async () => {
    const big = `Action=DescribeRegions&Pad=${'x'.repeat(8000)}`;
    const declared = await request(`${emu.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(declared.statusCode).toBe(413);
    expect(await declared.body.json()).toMatchObject({ Code: 'RequestEntityTooLarge' });

    const chunked = await rawExchange(emu.emulator.port, [
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
      `${(big.length).toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    ]);
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunked).toContain('"Code":"RequestEntityTooLarge"');
    await stillServes();
  });
});

describe('hostile connections never take the server down', () => {
  it('garbage bytes, huge headers, a body cut off mid-way, an early hang-up', async () => {
    const port = emu.emulator.port;
    expect(await rawExchange(port, [Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a])])).toMatch(
      /^HTTP\/1\.1 400 /,
    );
    expect(await rawExchange(port, [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`])).toMatch(
      /^HTTP\/1\.1 431 /,
    );
    // Announces 1000 bytes, sends 10, then hangs up: no response is possible, nothing may crash.
    await rawExchange(port, ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nAction=Desc'], 100);
    await rawExchange(port, ['GET /?Action=Descr'], 50);
    expect(domain.dispatched).toHaveLength(0);
    await stillServes();
  });
});

describe('connections', () => {
  it('serves several requests over one keep-alive connection', async () => {
    const one = 'GET /?Action=DescribeRegions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const reply = await rawExchange(emu.emulator.port, [one, one, one]);
    expect(reply.match(/HTTP\/1\.1 400 /g)).toHaveLength(3);
  });

  it('stop() closes idle keep-alive connections at once instead of waiting for them', async () => {
    const { startEmulator } = await import('../../../src/emulator');
    const other = await startEmulator({ domain: new FakeDomain() });
    const agent = new Agent({ keepAliveTimeout: 60_000 });
    try {
      const res = await request(`${other.url}/_emulator/health`, { dispatcher: agent });
      expect(await res.body.json()).toEqual({ ok: true });
      // The server's keep-alive timeout is 30 s: a stop() waiting for the idle socket would time out the test.
      await other.stop();
      await expect(request(`${other.url}/_emulator/health`, { dispatcher: agent })).rejects.toThrow();
    } finally {
      await agent.close();
      await other.stop();
    }
  });
});
