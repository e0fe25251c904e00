import { ConfigInvalidError, loadConfig } from '@lienthong/platform-config';
import { CatalogueEnv } from './config';

describe('catalogue config', () => {
  it('seeds at boot from the bundled folder by default', () => {
    const config = loadConfig(CatalogueEnv, {});
    expect(config.PORT).toBe(3001);
    expect(config.CATALOGUE_SEED_ON_START).toBe(true);
    expect(config.CATALOGUE_SEED_DIR).toMatch(/catalogue[\\/]seed[\\/]tthc$/);
  });

  it('reads "false" as false', () => {
    expect(loadConfig(CatalogueEnv, { CATALOGUE_SEED_ON_START: 'false' }).CATALOGUE_SEED_ON_START).toBe(false);
  });

  it('names a malformed body limit', () => {
    expect(() => loadConfig(CatalogueEnv, { CATALOGUE_BODY_LIMIT: 'lots' })).toThrow(ConfigInvalidError);
    expect(() => loadConfig(CatalogueEnv, { CATALOGUE_BODY_LIMIT: 'lots' })).toThrow(/CATALOGUE_BODY_LIMIT/);
  });
});
