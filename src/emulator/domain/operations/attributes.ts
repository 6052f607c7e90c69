/**
 * Reading the descriptive attributes circuits and VBRs share (Name, Description, CircuitCode,
 * tags, resource group), each with the API's own error.
 */
import { commonErrors } from '../../api-error';
import { attributeErrors } from '../errors';
import type { Params } from '../params';
import {
  ID_PATTERNS,
  isValidCircuitCode,
  isValidDescription,
  isValidName,
  isValidTagKey,
  isValidTagValue,
  MAX_TAGS,
} from '../rules';
import type { SeedTag } from '../seed/types';

export function readName(params: Params): string | undefined {
  const name = params.optional('Name');
  if (name !== undefined && !isValidName(name)) throw attributeErrors.nameMalformed();
  return name;
}

export function readDescription(params: Params): string | undefined {
  const description = params.optional('Description');
  if (description !== undefined && !isValidDescription(description)) throw attributeErrors.descriptionMalformed();
  return description;
}

export function readCircuitCode(params: Params, forVbr: boolean): string | undefined {
  const code = params.optional('CircuitCode');
  if (code !== undefined && !isValidCircuitCode(code)) throw attributeErrors.circuitCodeMalformed(forVbr);
  return code;
}

export function readResourceGroupId(params: Params): string | undefined {
  const group = params.optional('ResourceGroupId');
  if (group !== undefined && !ID_PATTERNS.resourceGroup.test(group)) throw commonErrors.invalidParameter('ResourceGroupId');
  return group;
}

/** `Tag.N.Key/Value` (CreatePhysicalConnection) or `Tags.N.Key/Value` (CreateVirtualBorderRouter). */
export function readTags(params: Params, prefix: 'Tag' | 'Tags'): SeedTag[] {
  const tags = params.indexed(prefix, MAX_TAGS).map(({ index, fields }) => {
    for (const field of fields.keys()) {
      if (field !== 'Key' && field !== 'Value') throw commonErrors.invalidParameter(`${prefix}.${index}.${field}`);
    }
    const key = fields.get('Key');
    if (key === undefined || key === '') throw commonErrors.missingParameter(`${prefix}.${index}.Key`);
    if (!isValidTagKey(key)) throw commonErrors.invalidParameter(`${prefix}.${index}.Key`);
    const value = fields.get('Value') ?? '';
    if (!isValidTagValue(value)) throw commonErrors.invalidParameter(`${prefix}.${index}.Value`);
    return { Key: key, Value: value };
  });
  const keys = new Set(tags.map((tag) => tag.Key));
  if (keys.size !== tags.length) throw commonErrors.invalidParameter(`${prefix}.N.Key`);
  return tags;
}
