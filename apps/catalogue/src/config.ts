import { join } from 'node:path';
import { IsBoolean, IsNotEmpty, IsString, Matches } from 'class-validator';
import { BooleanFromEnv, portOf } from '@lienthong/platform-config';

/** catalogue's environment. */
export class CatalogueEnv extends portOf(3001) {
  /** Import the bundled national records at boot; re-importing unchanged records changes nothing. */
  @BooleanFromEnv()
  @IsBoolean({ message: 'CATALOGUE_SEED_ON_START must be true or false' })
  CATALOGUE_SEED_ON_START: boolean = true;

  /** Folder of national records (*.json); the build copies the seed next to dist, so the default works from src and dist. */
  @IsString()
  @IsNotEmpty()
  CATALOGUE_SEED_DIR: string = join(__dirname, '..', 'seed', 'tthc');

  /** Largest request body: an import batch of 500 national records runs to several megabytes. */
  @Matches(/^\d+(kb|mb)$/, { message: 'CATALOGUE_BODY_LIMIT must look like 512kb or 16mb' })
  CATALOGUE_BODY_LIMIT: string = '16mb';
}
