/**
 * The built schema: the committed SDL matches it, every element is described (the playground
 * shows descriptions), and the public names and enum values are the contract.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  assertValidSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import {
  BUSINESS_STATUSES,
  CHARGE_TYPES,
  LINE_OPERATORS,
  LOA_STATUSES,
  ORDER_MODES,
  PHYSICAL_CONNECTION_SPECS,
  PHYSICAL_CONNECTION_STATUSES,
  PRODUCT_TYPES,
  REGION_LANGUAGES,
  VBR_STATUSES,
  VPCONN_STATUSES,
} from '../../../src/datasources/models';
import { buildGatewaySchema, printGatewaySchema } from '../../../src/graphql/build-schema';
import { CONFLICT_REASONS, PHYSICAL_CONNECTION_ACTIONS } from '../../../src/schema/errors';
import { SCHEMA_FILE } from '../../../src/graphql/emit';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

function type(name: string): GraphQLNamedType {
  const found = schema.getType(name);
  if (found === undefined || found === null) throw new Error(`type ${name} missing`);
  return found;
}

it('is a valid schema, built once and reused', async () => {
  expect(() => assertValidSchema(schema)).not.toThrow();
  await expect(buildGatewaySchema()).resolves.toBe(schema);
});

it('matches the committed schema.graphql (run `npm run schema:emit` after changing the schema)', () => {
  expect(SCHEMA_FILE).toBe(resolve(__dirname, '..', '..', '..', 'schema.graphql'));
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printGatewaySchema(schema));
});

it('describes every type, field, argument, input field and enum value', () => {
  const missing: string[] = [];
  const own = Object.values(schema.getTypeMap()).filter((named) => !named.name.startsWith('__'));
  for (const named of own) {
    const builtIn = isScalarType(named) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(named.name);
    if (!builtIn && !named.description) missing.push(named.name);
    if (isObjectType(named) || isInterfaceType(named)) {
      for (const field of Object.values(named.getFields())) {
        if (!field.description) missing.push(`${named.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${named.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(named)) {
      for (const field of Object.values(named.getFields())) {
        if (!field.description) missing.push(`${named.name}.${field.name}`);
      }
    }
    if (isEnumType(named)) {
      for (const value of named.getValues()) if (!value.description) missing.push(`${named.name}.${value.name}`);
    }
  }
  expect(missing).toEqual([]);
});

it.each([
  ['PhysicalConnectionStatus', PHYSICAL_CONNECTION_STATUSES],
  ['VbrStatus', VBR_STATUSES],
  ['BusinessStatus', BUSINESS_STATUSES],
  ['LineOperator', LINE_OPERATORS],
  ['ProductType', PRODUCT_TYPES],
  ['ChargeType', CHARGE_TYPES],
  ['LoaStatus', LOA_STATUSES],
  ['VpconnStatus', VPCONN_STATUSES],
  ['OrderMode', ORDER_MODES],
  ['PhysicalConnectionSpec', PHYSICAL_CONNECTION_SPECS],
  ['RegionLanguage', REGION_LANGUAGES],
  ['TerminationBlockerCode', ['PHYSICAL_CONNECTION_NOT_ENABLED', 'RESOURCE_LOCKED', 'VBRS_ATTACHED', 'OPERATION_CONFLICT']],
  ['ConflictReason', CONFLICT_REASONS],
  ['PhysicalConnectionAction', PHYSICAL_CONNECTION_ACTIONS],
])('enum %s has exactly the domain values', (name, values) => {
  const named = type(name);
  if (!isEnumType(named)) throw new Error(`${name} is not an enum`);
  expect(named.getValues().map((value) => value.value).sort()).toEqual([...values].sort());
});

it('exposes the public operations with their argument types', () => {
  const signature = (root: 'Query' | 'Mutation') => {
    const named = type(root);
    if (!isObjectType(named)) throw new Error(root);
    return Object.fromEntries(
      Object.values(named.getFields()).map((field) => [
        field.name,
        // Sorted like schema.graphql: type-graphql registers parameter decorators last to first.
        `(${field.args
          .map((arg) => `${arg.name}: ${String(arg.type)}`)
          .sort()
          .join(', ')}): ${String(field.type)}`,
      ]),
    );
  };
  expect(signature('Query')).toEqual({
    physicalConnection: '(id: ID!, regionId: String): PhysicalConnection',
    physicalConnections:
      '(after: String, filter: PhysicalConnectionFilter, first: Int, regionId: String): PhysicalConnectionConnection!',
    vbr: '(id: ID!, regionId: String): Vbr',
    vbrs: '(after: String, filter: VbrFilter, first: Int, regionId: String): VbrConnection!',
    regions: '(language: RegionLanguage): [Region!]!',
  });
  expect(signature('Mutation')).toEqual({
    terminatePhysicalConnection: '(input: TerminatePhysicalConnectionInput!): TerminatePhysicalConnectionPayload!',
    createVbr: '(input: CreateVbrInput!): CreateVbrPayload!',
    updateVbr: '(input: UpdateVbrInput!): UpdateVbrPayload!',
    terminateVbr: '(input: TerminateVbrInput!): TerminateVbrPayload!',
    recoverVbr: '(input: RecoverVbrInput!): RecoverVbrPayload!',
    deleteVbr: '(input: DeleteVbrInput!): DeleteVbrPayload!',
    disassociateMacsecKey: '(input: DisassociateMacsecKeyInput!): DisassociateMacsecKeyPayload!',
    createPhysicalConnection: '(input: CreatePhysicalConnectionInput!): CreatePhysicalConnectionPayload!',
    confirmPhysicalConnection: '(input: ConfirmPhysicalConnectionInput!): ConfirmPhysicalConnectionPayload!',
    enablePhysicalConnection: '(input: EnablePhysicalConnectionInput!): EnablePhysicalConnectionPayload!',
    cancelPhysicalConnection: '(input: CancelPhysicalConnectionInput!): CancelPhysicalConnectionPayload!',
    recoverPhysicalConnection: '(input: RecoverPhysicalConnectionInput!): RecoverPhysicalConnectionPayload!',
    deletePhysicalConnection: '(input: DeletePhysicalConnectionInput!): DeletePhysicalConnectionPayload!',
    updatePhysicalConnection: '(input: UpdatePhysicalConnectionInput!): UpdatePhysicalConnectionPayload!',
  });
});

it('types the relations and payload as documented', () => {
  const fieldTypes = (name: string) => {
    const named = type(name);
    if (!isObjectType(named) && !isInputObjectType(named)) throw new Error(name);
    return Object.fromEntries(Object.values(named.getFields()).map((field) => [field.name, String(field.type)]));
  };
  expect(fieldTypes('PhysicalConnection')).toMatchObject({
    id: 'ID!',
    regionId: 'String!',
    status: 'PhysicalConnectionStatus!',
    creationTime: 'DateTime',
    tags: '[Tag!]!',
    macsecKeys: '[MacsecKey!]!',
    parentPhysicalConnectionAliUid: 'String',
    spec: 'PhysicalConnectionSpec',
    // Nullable so a failed VBR load is a field error, not a failed list (see docs/graphql.md).
    vbrs: '[Vbr!]',
    // Nullable for the same reason.
    virtualPhysicalConnections: '[VirtualPhysicalConnection!]',
    terminationCheck: 'TerminationCheck',
  });
  expect(fieldTypes('VirtualPhysicalConnection')).toMatchObject({
    id: 'ID!',
    status: 'PhysicalConnectionStatus!',
    vpconnStatus: 'VpconnStatus',
    vlanId: 'Int',
    ownerAccountId: 'String',
    parentPhysicalConnectionId: 'ID',
  });
  expect(fieldTypes('DisassociateMacsecKeyInput')).toEqual({ physicalConnectionId: 'ID!', regionId: 'String', ckn: 'String!' });
  expect(fieldTypes('DisassociateMacsecKeyPayload')).toEqual({
    requestId: 'String!',
    // The upstream takes no token: always null.
    clientToken: 'String',
    physicalConnection: 'PhysicalConnection!',
  });
  expect(fieldTypes('MacsecKey')).not.toHaveProperty('cak');
  expect(fieldTypes('Vbr')).toMatchObject({
    id: 'ID!',
    status: 'VbrStatus!',
    physicalConnection: 'PhysicalConnection',
    // Nullable like `vbrs`: a failed load is a field error, not a failed list.
    availableActions: '[VbrAvailableAction!]',
  });
  expect(fieldTypes('DeleteVbrPayload')).toEqual({ requestId: 'String!', clientToken: 'String!', vbrId: 'ID!', vbr: 'Vbr' });
  expect(fieldTypes('TerminateVbrPayload')).toEqual({ requestId: 'String!', clientToken: 'String!', vbr: 'Vbr!' });
  expect(fieldTypes('TerminationCheck')).toEqual({ terminable: 'Boolean!', blockers: '[TerminationBlocker!]!' });
  expect(fieldTypes('TerminationBlocker')).toEqual({
    code: 'TerminationBlockerCode!',
    message: 'String!',
    currentStatus: 'PhysicalConnectionStatus',
    businessStatus: 'BusinessStatus',
    vbrIds: '[ID!]',
    reason: 'ConflictReason',
  });
  expect(fieldTypes('PhysicalConnectionFilter')).toMatchObject({ specs: '[PhysicalConnectionSpec!]' });
  expect(fieldTypes('TerminatePhysicalConnectionInput')).toEqual({
    physicalConnectionId: 'ID!',
    regionId: 'String',
    clientToken: 'String',
  });
  expect(fieldTypes('TerminatePhysicalConnectionPayload')).toEqual({
    physicalConnection: 'PhysicalConnection!',
    requestId: 'String!',
    clientToken: 'String!',
  });
  expect(fieldTypes('PhysicalConnectionConnection')).toEqual({
    edges: '[PhysicalConnectionEdge!]!',
    nodes: '[PhysicalConnection!]!',
    pageInfo: 'PageInfo!',
    totalCount: 'Int!',
  });
  expect(fieldTypes('PageInfo')).toEqual({
    hasNextPage: 'Boolean!',
    hasPreviousPage: 'Boolean!',
    startCursor: 'String',
    endCursor: 'String',
  });
});
