import { portOf } from '@lienthong/platform-config';

/** payment's environment: only the shared variables while payments are only requested, not yet initiated. */
export class PaymentEnv extends portOf(3003) {}
