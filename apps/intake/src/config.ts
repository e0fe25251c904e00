import { portOf } from '@lienthong/platform-config';

/** intake's environment: only the shared variables for now. */
export class IntakeEnv extends portOf(3002) {}
