/**
 * A service of a connected system, named the X-Road way by a code that grants, exchange records and the connector's
 * mappings share: lower-case words joined by hyphens, at most 64 characters.
 */
export const SERVICE_CODE = /^(?=.{1,64}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const isServiceCode = (code: string): boolean => SERVICE_CODE.test(code);

/** A one-stop system's dossier lookup: TraCuuHoSo in its own dialect. */
export const DOSSIER_LOOKUP_SERVICE = 'tra-cuu-ho-so';
