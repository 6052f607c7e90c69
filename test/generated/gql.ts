/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CancelCircuit($input: CancelPhysicalConnectionInput!) {\n  cancelPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": typeof types.CancelCircuitDocument,
    "mutation ConfirmCircuit($input: ConfirmPhysicalConnectionInput!) {\n  confirmPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": typeof types.ConfirmCircuitDocument,
    "mutation CreateCircuit($input: CreatePhysicalConnectionInput!) {\n  createPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      accessPointId\n      lineOperator\n      portType\n    }\n  }\n}": typeof types.CreateCircuitDocument,
    "mutation DeleteCircuit($input: DeletePhysicalConnectionInput!) {\n  deletePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": typeof types.DeleteCircuitDocument,
    "mutation EnableCircuit($input: EnablePhysicalConnectionInput!) {\n  enablePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": typeof types.EnableCircuitDocument,
    "mutation RecoverCircuit($input: RecoverPhysicalConnectionInput!) {\n  recoverPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": typeof types.RecoverCircuitDocument,
    "mutation UpdateCircuit($input: UpdatePhysicalConnectionInput!) {\n  updatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      description\n      bandwidth\n      portType\n      downDelayTime\n    }\n  }\n}": typeof types.UpdateCircuitDocument,
    "query ConsoleList($regionId: String, $filter: PhysicalConnectionFilter, $first: Int, $after: String) {\n  physicalConnections(\n    regionId: $regionId\n    filter: $filter\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      regionId\n      name\n      status\n      businessStatus\n      bandwidth\n      spec\n      lineOperator\n      creationTime\n      vbrs {\n        id\n        name\n        status\n        vlanId\n        physicalConnection {\n          id\n          status\n        }\n      }\n      terminationCheck {\n        terminable\n        blockers {\n          code\n          message\n          reason\n        }\n      }\n      availableActions {\n        action\n        allowed\n        blockers {\n          code\n          message\n        }\n      }\n    }\n  }\n}": typeof types.ConsoleListDocument,
    "query PhysicalConnectionDetail($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    regionId\n    name\n    description\n    status\n    businessStatus\n    productType\n    chargeType\n    lineOperator\n    loaStatus\n    accessPointId\n    portType\n    portNumber\n    spec\n    bandwidth\n    circuitCode\n    creationTime\n    enabledTime\n    endTime\n    redundantPhysicalConnectionId\n    tags {\n      key\n      value\n    }\n    macsecKeys {\n      ckn\n      cipherSuite\n      status\n    }\n    vbrs {\n      id\n      name\n      status\n      vlanId\n      localGatewayIp\n      peerGatewayIp\n      peeringSubnetMask\n    }\n    availableActions {\n      action\n      allowed\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}": typeof types.PhysicalConnectionDetailDocument,
    "query Regions($language: RegionLanguage) {\n  regions(language: $language) {\n    regionId\n    localName\n  }\n}": typeof types.RegionsDocument,
    "mutation TerminatePhysicalConnection($input: TerminatePhysicalConnectionInput!) {\n  terminatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": typeof types.TerminatePhysicalConnectionDocument,
    "query TerminationPreflight($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    status\n    terminationCheck {\n      terminable\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}": typeof types.TerminationPreflightDocument,
    "query VbrList($regionId: String, $filter: VbrFilter, $first: Int, $after: String) {\n  vbrs(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      status\n      vlanId\n      physicalConnectionId\n      physicalConnection {\n        id\n        name\n        status\n      }\n    }\n  }\n}": typeof types.VbrListDocument,
};
const documents: Documents = {
    "mutation CancelCircuit($input: CancelPhysicalConnectionInput!) {\n  cancelPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": types.CancelCircuitDocument,
    "mutation ConfirmCircuit($input: ConfirmPhysicalConnectionInput!) {\n  confirmPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": types.ConfirmCircuitDocument,
    "mutation CreateCircuit($input: CreatePhysicalConnectionInput!) {\n  createPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      accessPointId\n      lineOperator\n      portType\n    }\n  }\n}": types.CreateCircuitDocument,
    "mutation DeleteCircuit($input: DeletePhysicalConnectionInput!) {\n  deletePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": types.DeleteCircuitDocument,
    "mutation EnableCircuit($input: EnablePhysicalConnectionInput!) {\n  enablePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": types.EnableCircuitDocument,
    "mutation RecoverCircuit($input: RecoverPhysicalConnectionInput!) {\n  recoverPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": types.RecoverCircuitDocument,
    "mutation UpdateCircuit($input: UpdatePhysicalConnectionInput!) {\n  updatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      description\n      bandwidth\n      portType\n      downDelayTime\n    }\n  }\n}": types.UpdateCircuitDocument,
    "query ConsoleList($regionId: String, $filter: PhysicalConnectionFilter, $first: Int, $after: String) {\n  physicalConnections(\n    regionId: $regionId\n    filter: $filter\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      regionId\n      name\n      status\n      businessStatus\n      bandwidth\n      spec\n      lineOperator\n      creationTime\n      vbrs {\n        id\n        name\n        status\n        vlanId\n        physicalConnection {\n          id\n          status\n        }\n      }\n      terminationCheck {\n        terminable\n        blockers {\n          code\n          message\n          reason\n        }\n      }\n      availableActions {\n        action\n        allowed\n        blockers {\n          code\n          message\n        }\n      }\n    }\n  }\n}": types.ConsoleListDocument,
    "query PhysicalConnectionDetail($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    regionId\n    name\n    description\n    status\n    businessStatus\n    productType\n    chargeType\n    lineOperator\n    loaStatus\n    accessPointId\n    portType\n    portNumber\n    spec\n    bandwidth\n    circuitCode\n    creationTime\n    enabledTime\n    endTime\n    redundantPhysicalConnectionId\n    tags {\n      key\n      value\n    }\n    macsecKeys {\n      ckn\n      cipherSuite\n      status\n    }\n    vbrs {\n      id\n      name\n      status\n      vlanId\n      localGatewayIp\n      peerGatewayIp\n      peeringSubnetMask\n    }\n    availableActions {\n      action\n      allowed\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}": types.PhysicalConnectionDetailDocument,
    "query Regions($language: RegionLanguage) {\n  regions(language: $language) {\n    regionId\n    localName\n  }\n}": types.RegionsDocument,
    "mutation TerminatePhysicalConnection($input: TerminatePhysicalConnectionInput!) {\n  terminatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}": types.TerminatePhysicalConnectionDocument,
    "query TerminationPreflight($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    status\n    terminationCheck {\n      terminable\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}": types.TerminationPreflightDocument,
    "query VbrList($regionId: String, $filter: VbrFilter, $first: Int, $after: String) {\n  vbrs(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      status\n      vlanId\n      physicalConnectionId\n      physicalConnection {\n        id\n        name\n        status\n      }\n    }\n  }\n}": types.VbrListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelCircuit($input: CancelPhysicalConnectionInput!) {\n  cancelPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"): (typeof documents)["mutation CancelCircuit($input: CancelPhysicalConnectionInput!) {\n  cancelPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmCircuit($input: ConfirmPhysicalConnectionInput!) {\n  confirmPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"): (typeof documents)["mutation ConfirmCircuit($input: ConfirmPhysicalConnectionInput!) {\n  confirmPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCircuit($input: CreatePhysicalConnectionInput!) {\n  createPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      accessPointId\n      lineOperator\n      portType\n    }\n  }\n}"): (typeof documents)["mutation CreateCircuit($input: CreatePhysicalConnectionInput!) {\n  createPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      accessPointId\n      lineOperator\n      portType\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteCircuit($input: DeletePhysicalConnectionInput!) {\n  deletePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"): (typeof documents)["mutation DeleteCircuit($input: DeletePhysicalConnectionInput!) {\n  deletePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnectionId\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnableCircuit($input: EnablePhysicalConnectionInput!) {\n  enablePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"): (typeof documents)["mutation EnableCircuit($input: EnablePhysicalConnectionInput!) {\n  enablePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecoverCircuit($input: RecoverPhysicalConnectionInput!) {\n  recoverPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"): (typeof documents)["mutation RecoverCircuit($input: RecoverPhysicalConnectionInput!) {\n  recoverPhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateCircuit($input: UpdatePhysicalConnectionInput!) {\n  updatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      description\n      bandwidth\n      portType\n      downDelayTime\n    }\n  }\n}"): (typeof documents)["mutation UpdateCircuit($input: UpdatePhysicalConnectionInput!) {\n  updatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n      name\n      description\n      bandwidth\n      portType\n      downDelayTime\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleList($regionId: String, $filter: PhysicalConnectionFilter, $first: Int, $after: String) {\n  physicalConnections(\n    regionId: $regionId\n    filter: $filter\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      regionId\n      name\n      status\n      businessStatus\n      bandwidth\n      spec\n      lineOperator\n      creationTime\n      vbrs {\n        id\n        name\n        status\n        vlanId\n        physicalConnection {\n          id\n          status\n        }\n      }\n      terminationCheck {\n        terminable\n        blockers {\n          code\n          message\n          reason\n        }\n      }\n      availableActions {\n        action\n        allowed\n        blockers {\n          code\n          message\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ConsoleList($regionId: String, $filter: PhysicalConnectionFilter, $first: Int, $after: String) {\n  physicalConnections(\n    regionId: $regionId\n    filter: $filter\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      regionId\n      name\n      status\n      businessStatus\n      bandwidth\n      spec\n      lineOperator\n      creationTime\n      vbrs {\n        id\n        name\n        status\n        vlanId\n        physicalConnection {\n          id\n          status\n        }\n      }\n      terminationCheck {\n        terminable\n        blockers {\n          code\n          message\n          reason\n        }\n      }\n      availableActions {\n        action\n        allowed\n        blockers {\n          code\n          message\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PhysicalConnectionDetail($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    regionId\n    name\n    description\n    status\n    businessStatus\n    productType\n    chargeType\n    lineOperator\n    loaStatus\n    accessPointId\n    portType\n    portNumber\n    spec\n    bandwidth\n    circuitCode\n    creationTime\n    enabledTime\n    endTime\n    redundantPhysicalConnectionId\n    tags {\n      key\n      value\n    }\n    macsecKeys {\n      ckn\n      cipherSuite\n      status\n    }\n    vbrs {\n      id\n      name\n      status\n      vlanId\n      localGatewayIp\n      peerGatewayIp\n      peeringSubnetMask\n    }\n    availableActions {\n      action\n      allowed\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}"): (typeof documents)["query PhysicalConnectionDetail($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    regionId\n    name\n    description\n    status\n    businessStatus\n    productType\n    chargeType\n    lineOperator\n    loaStatus\n    accessPointId\n    portType\n    portNumber\n    spec\n    bandwidth\n    circuitCode\n    creationTime\n    enabledTime\n    endTime\n    redundantPhysicalConnectionId\n    tags {\n      key\n      value\n    }\n    macsecKeys {\n      ckn\n      cipherSuite\n      status\n    }\n    vbrs {\n      id\n      name\n      status\n      vlanId\n      localGatewayIp\n      peerGatewayIp\n      peeringSubnetMask\n    }\n    availableActions {\n      action\n      allowed\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Regions($language: RegionLanguage) {\n  regions(language: $language) {\n    regionId\n    localName\n  }\n}"): (typeof documents)["query Regions($language: RegionLanguage) {\n  regions(language: $language) {\n    regionId\n    localName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TerminatePhysicalConnection($input: TerminatePhysicalConnectionInput!) {\n  terminatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"): (typeof documents)["mutation TerminatePhysicalConnection($input: TerminatePhysicalConnectionInput!) {\n  terminatePhysicalConnection(input: $input) {\n    requestId\n    clientToken\n    physicalConnection {\n      id\n      regionId\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TerminationPreflight($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    status\n    terminationCheck {\n      terminable\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}"): (typeof documents)["query TerminationPreflight($id: ID!, $regionId: String) {\n  physicalConnection(id: $id, regionId: $regionId) {\n    id\n    status\n    terminationCheck {\n      terminable\n      blockers {\n        code\n        message\n        currentStatus\n        businessStatus\n        vbrIds\n        reason\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VbrList($regionId: String, $filter: VbrFilter, $first: Int, $after: String) {\n  vbrs(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      status\n      vlanId\n      physicalConnectionId\n      physicalConnection {\n        id\n        name\n        status\n      }\n    }\n  }\n}"): (typeof documents)["query VbrList($regionId: String, $filter: VbrFilter, $first: Int, $after: String) {\n  vbrs(regionId: $regionId, filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      name\n      status\n      vlanId\n      physicalConnectionId\n      physicalConnection {\n        id\n        name\n        status\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;