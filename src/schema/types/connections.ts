/**
 * Relay-style connections. One factory builds both list types so edges, nodes and pageInfo are
 * declared once.
 */
import { Field, Int, ObjectType } from '../type-graphql';
import { PhysicalConnection } from './physical-connection';
import { Vbr } from './vbr';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items exist after `endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items exist before `startCursor`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page. Null when the page is empty.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

function connectionTypes<T extends object>(nodeType: new () => T, nodeName: string, plural: string) {
  @ObjectType(`${nodeName}Edge`, { description: `An edge in a ${nodeName} connection.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Opaque cursor of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node!: T;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${plural}.` })
  class ConnectionType implements Connection<T> {
    @Field(() => [EdgeType], { description: 'Items with their cursors.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'Items without cursors (same order as `edges`).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Total number of ${plural} matching the filter (all pages).` })
    totalCount!: number;
  }

  return { EdgeType, ConnectionType };
}

const physicalConnectionTypes = connectionTypes(PhysicalConnection, 'PhysicalConnection', 'physical connections');
export const PhysicalConnectionConnection = physicalConnectionTypes.ConnectionType;
export type PhysicalConnectionConnection = Connection<PhysicalConnection>;

const vbrTypes = connectionTypes(Vbr, 'Vbr', 'VBRs');
export const VbrConnection = vbrTypes.ConnectionType;
export type VbrConnection = Connection<Vbr>;
