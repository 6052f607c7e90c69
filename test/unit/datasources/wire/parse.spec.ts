import { BodyParseError, parseBody, parseJsonLossless } from '../../../../src/datasources/wire/parse';

describe('parseJsonLossless', () => {
  it('keeps 64-bit integers exact as digit strings (JSON.parse would round them)', () => {
    const text = '{"ParentPhysicalConnectionAliUid":283117732402483989,"VbrOwnerUid":1688000000000001,"PageSize":50,"Neg":-9007199254740993}';
    expect(JSON.parse(text).ParentPhysicalConnectionAliUid).toBe(283117732402484000);
    expect(parseJsonLossless(text)).toEqual({
      ParentPhysicalConnectionAliUid: '283117732402483989',
      VbrOwnerUid: 1688000000000001,
      PageSize: 50,
      Neg: '-9007199254740993',
    });
  });

  it('leaves digits inside strings, decimals and exponents alone', () => {
    const text = '{"Name":"id 283117732402483989 \\" 12345678901234567","Bandwidth":1234567890123456.5,"E":1e300,"A":[12345678901234567890]}';
    expect(parseJsonLossless(text)).toEqual({
      Name: 'id 283117732402483989 " 12345678901234567',
      Bandwidth: 1234567890123456.5,
      E: 1e300,
      A: ['12345678901234567890'],
    });
  });

  it('throws BodyParseError on malformed or truncated JSON', () => {
    expect(() => parseJsonLossless('{"RequestId":"A","Physical')).toThrow(BodyParseError);
    expect(() => parseBody('application/json', '')).toThrow(BodyParseError);
    expect(() => parseBody('application/json', '[1,2]')).toThrow(BodyParseError);
    expect(() => parseBody('application/json', '"text"')).toThrow(BodyParseError);
  });
});

describe('parseBody: XML', () => {
  it('parses an Alibaba XML error body (content-type text/xml) and unwraps <Error>', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>REQ-1</RequestId><HostId>vpc.aliyuncs.com</HostId>' +
      '<Code>Forbidden.VbrAttached</Code><Message>Cannot terminate &amp; stop.</Message><Recommend/></Error>';
    expect(parseBody('text/xml;charset=utf-8', xml)).toEqual({
      RequestId: 'REQ-1',
      HostId: 'vpc.aliyuncs.com',
      Code: 'Forbidden.VbrAttached',
      Message: 'Cannot terminate & stop.',
      Recommend: '',
    });
  });

  it('recognises XML by its first character even with a JSON content type, and keeps values as text', () => {
    const xml = '<DescribeRegionsResponse><RequestId>R</RequestId><Regions><Region><RegionId>cn-hangzhou</RegionId></Region></Regions><Big>283117732402483989</Big></DescribeRegionsResponse>';
    expect(parseBody('application/json', xml)).toEqual({
      RequestId: 'R',
      Regions: { Region: { RegionId: 'cn-hangzhou' } },
      Big: '283117732402483989',
    });
  });

  it('rejects broken XML', () => {
    expect(() => parseBody('text/xml', '<Error><Code>x</Error>')).toThrow(BodyParseError);
  });
});
