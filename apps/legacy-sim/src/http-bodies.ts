import type { BodyOptions } from '@lienthong/platform-http';

/** The form a simulated provider's payment page posts. */
export const PAY_FORM_PATH = '/providers/pay';

/** How legacy-sim reads bodies: JSON everywhere, plus its payment pages' form. */
export const LEGACY_SIM_BODIES: BodyOptions = { formBodyPaths: [PAY_FORM_PATH] };
