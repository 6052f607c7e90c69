/** Small object types shared by circuits and VBRs (tags, MACsec keys) and `Region`. */
import { Field, ID, ObjectType } from '../type-graphql';
import type { MacsecKey as MacsecKeyModel, Region as RegionModel, Tag as TagModel } from '../../datasources/models';

@ObjectType({ description: 'A resource tag.' })
export class Tag implements TagModel {
  @Field(() => String, { description: 'Tag key.' })
  key!: string;

  @Field(() => String, { description: 'Tag value.' })
  value!: string;
}

@ObjectType({
  description:
    'A MACsec key configured on a circuit. The connectivity association key (CAK) is a shared secret and is never exposed.',
})
export class MacsecKey implements MacsecKeyModel {
  @Field(() => String, { nullable: true, description: 'Connectivity association key name (CKN).' })
  ckn!: string | null;

  @Field(() => String, { nullable: true, description: 'Cipher suite, e.g. `GCM-AES-XPN-256`.' })
  cipherSuite!: string | null;

  @Field(() => String, { nullable: true, description: 'When the key takes effect, as reported upstream.' })
  startOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Key state, as reported upstream.' })
  status!: string | null;
}

@ObjectType({ description: 'An Alibaba Cloud region where the VPC API is available.' })
export class Region implements RegionModel {
  @Field(() => ID, { description: 'Region id, e.g. `cn-hangzhou`; pass it as `regionId`.' })
  regionId!: string;

  @Field(() => String, { nullable: true, description: 'Region name, in the language `regions(language:)` asked for.' })
  localName!: string | null;

  @Field(() => String, { nullable: true, description: 'VPC API endpoint host of the region.' })
  regionEndpoint!: string | null;
}
