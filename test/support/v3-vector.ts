/**
 * The inputs of the published V3 signature example (docs/datasource.md#signing): RunInstances in cn-shanghai.
 * One copy for every test that signs or verifies them (SHA-256 vector, the SM3 variant, the
 * emulator's verifier).
 */
export const V3_VECTOR_QUERY = { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' };

/** The signed headers, in the published order, with the payload hash of the algorithm in use. */
export function v3VectorHeaders(payloadHash: string): Record<string, string> {
  return {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': payloadHash,
  };
}
