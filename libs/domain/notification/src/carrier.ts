export const CARRIERS = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile'] as const;
export type Carrier = (typeof CARRIERS)[number];

/**
 * Mobile prefixes (after the 2018 renumbering) of the carriers brand-name SMS are routed through. DOMAIN.md: Viettel 086,
 * 096–098, 032–039; VinaPhone 094 (and 088, 091, 081–085); everything else goes through MobiFone, which carries
 * Vietnamobile and Gmobile numbers too when they are not named.
 */
const PREFIXES: Readonly<Record<string, Carrier>> = {
  ...Object.fromEntries(['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'].map((p) => [p, 'viettel'])),
  ...Object.fromEntries(['088', '091', '094', '081', '082', '083', '084', '085'].map((p) => [p, 'vinaphone'])),
  ...Object.fromEntries(['089', '090', '093', '070', '076', '077', '078', '079'].map((p) => [p, 'mobifone'])),
  ...Object.fromEntries(['092', '056', '058'].map((p) => [p, 'vietnamobile'])),
  ...Object.fromEntries(['099', '059'].map((p) => [p, 'gmobile'])),
};
const DEFAULT_CARRIER: Carrier = 'mobifone';

/** A Vietnamese mobile number as contacts carry it: 0 and nine digits. */
export const MOBILE_NUMBER = /^0\d{9}$/;

/** The carrier an SMS to the number is routed through, by its prefix. */
export function carrierOf(phone: string): Carrier {
  return PREFIXES[phone.slice(0, 3)] ?? DEFAULT_CARRIER;
}
