import { assertStatusMapping, StatusMapping } from '@lienthong/domain-dossier';

/** Per connected system (X-Road id), how its reported values read; systems not named use the portal's meanings. */
export type StatusMappings = Readonly<Record<string, StatusMapping>>;

export function assertStatusMappings(value: unknown): asserts value is StatusMappings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('must be an object of system id → status mapping');
  for (const [system, mapping] of Object.entries(value)) assertStatusMapping(mapping, `mapping of ${system}`);
}
