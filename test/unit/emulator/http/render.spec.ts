import { XMLParser } from 'fast-xml-parser';
import { ApiError } from '../../../../src/emulator/api-error';
import { JsonInteger } from '../../../../src/emulator/contract';
import {
  escapeXmlText,
  hostIdFrom,
  parseFormat,
  renderError,
  renderSuccess,
  toJson,
  toXml,
} from '../../../../src/emulator/http/render';

describe('toJson', () => {
  it('writes JsonInteger as bare digits, exact beyond 2^53', () => {
    const text = toJson({ ParentPhysicalConnectionAliUid: new JsonInteger('283117732402483989'), n: 1 });
    expect(text).toBe('{"ParentPhysicalConnectionAliUid":283117732402483989,"n":1}');
  });

  it('writes JsonInteger anywhere (arrays, top level, negative) and bigint as digits; look-alike strings stay strings', () => {
    expect(toJson([new JsonInteger('-9223372036854775808'), { a: [new JsonInteger('18446744073709551615')] }])).toBe(
      '[-9223372036854775808,{"a":[18446744073709551615]}]',
    );
    expect(toJson(new JsonInteger('42'))).toBe('42');
    expect(toJson({ n: 12345678901234567890n })).toBe('{"n":12345678901234567890}');
    expect(toJson({ s: 'JsonInteger:00000000-0000-0000-0000-000000000000:5' })).toBe(
      '{"s":"JsonInteger:00000000-0000-0000-0000-000000000000:5"}',
    );
  });

  it('matches JSON.stringify for ordinary values', () => {
    const value = {
      s: 'quote " backslash \\ newline \n 中 \u2028',
      n: -1.5,
      b: false,
      nil: null,
      skipped: undefined,
      list: [1, 'two', null, { deep: [true] }],
      empty: {},
      inf: Infinity,
    };
    expect(toJson(value)).toBe(JSON.stringify(value));
  });
});

describe('toXml', () => {
  it('repeats an array element under its own key and nests objects', () => {
    const xml = toXml('DescribePhysicalConnectionsResponse', {
      RequestId: 'R',
      PhysicalConnectionSet: { PhysicalConnectionType: [{ PhysicalConnectionId: 'pc-1' }, { PhysicalConnectionId: 'pc-2' }] },
      TotalCount: 2,
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><DescribePhysicalConnectionsResponse><RequestId>R</RequestId>' +
        '<PhysicalConnectionSet><PhysicalConnectionType><PhysicalConnectionId>pc-1</PhysicalConnectionId></PhysicalConnectionType>' +
        '<PhysicalConnectionType><PhysicalConnectionId>pc-2</PhysicalConnectionId></PhysicalConnectionType></PhysicalConnectionSet>' +
        '<TotalCount>2</TotalCount></DescribePhysicalConnectionsResponse>',
    );
  });

  it('escapes text so any value round-trips through an XML parser', () => {
    const nasty = `<a href="x">&amp; 'q' ]]> 中`;
    const xml = toXml('R', { Name: nasty, Id: new JsonInteger('283117732402483989'), Flag: false });
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as { R: Record<string, string> };
    expect(parsed.R).toEqual({ Name: nasty, Id: '283117732402483989', Flag: 'false' });
  });

  it('replaces characters XML cannot carry instead of emitting broken XML', () => {
    expect(escapeXmlText('a\u0000b\u0007c\ud800d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXmlText('tab\tnl\n\u{1F600}')).toBe('tab\tnl\n\u{1F600}');
  });

  it('refuses a field name that is not an XML name', () => {
    expect(() => toXml('R', { 'bad name': 1 })).toThrow(/cannot render field name/);
  });
});

describe('parseFormat', () => {
  it('is case-insensitive, defaults to JSON and refuses anything else', () => {
    expect(parseFormat(undefined)).toBe('JSON');
    expect(parseFormat('json')).toBe('JSON');
    expect(parseFormat('Xml')).toBe('XML');
    expect(() => parseFormat('yaml')).toThrow(expect.objectContaining({ code: 'InvalidParameter.Format', httpStatus: 400 }));
  });
});

describe('error bodies', () => {
  const error = new ApiError(404, 'InvalidPhysicalConnectionId.NotFound', 'The specified <id> & more.');
  const context = { requestId: 'ABC-1', hostId: '127.0.0.1:9100' };

  it('JSON: RequestId, HostId, Code, Message, Recommend', () => {
    const rendered = renderError(error, context, 'JSON');
    expect(rendered.contentType).toBe('application/json;charset=utf-8');
    expect(JSON.parse(rendered.body)).toEqual({
      RequestId: 'ABC-1',
      HostId: '127.0.0.1:9100',
      Code: 'InvalidPhysicalConnectionId.NotFound',
      Message: 'The specified <id> & more.',
      Recommend: 'https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=InvalidPhysicalConnectionId.NotFound&product=Vpc&requestId=ABC-1',
    });
  });

  it('XML: the same fields under <Error>', () => {
    const rendered = renderError(error, context, 'XML');
    expect(rendered.contentType).toBe('text/xml;charset=utf-8');
    expect(rendered.body.startsWith('<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>ABC-1</RequestId>')).toBe(true);
    const parsed = new XMLParser().parse(rendered.body) as { Error: Record<string, string> };
    expect(parsed.Error.Message).toBe('The specified <id> & more.');
    expect(parsed.Error.Code).toBe('InvalidPhysicalConnectionId.NotFound');
  });

  it('success XML root is <{Action}Response>', () => {
    expect(renderSuccess('TerminatePhysicalConnection', { RequestId: 'X' }, 'XML').body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><TerminatePhysicalConnectionResponse><RequestId>X</RequestId></TerminatePhysicalConnectionResponse>',
    );
  });
});

describe('hostIdFrom', () => {
  it('echoes plausible host[:port] values only', () => {
    expect(hostIdFrom('vpc.cn-shanghai.aliyuncs.com')).toBe('vpc.cn-shanghai.aliyuncs.com');
    expect(hostIdFrom('127.0.0.1:9100')).toBe('127.0.0.1:9100');
    expect(hostIdFrom('[::1]:9100')).toBe('[::1]:9100');
    for (const hostile of [undefined, '', 'evil.com/<script>', 'a b', 'x'.repeat(300), 'host:port']) {
      expect(hostIdFrom(hostile)).toBe('vpc.aliyuncs.com');
    }
  });
});
