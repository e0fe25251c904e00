import { ConfigInvalidError, JsonFromEnv, loadConfig, portOf } from './index';

const assertLimits = (value: unknown) => {
  if (typeof value !== 'object' || value === null) throw new Error('must be an object of limits');
  for (const [key, limit] of Object.entries(value)) if (typeof limit !== 'number') throw new Error(`limit ${key} must be a number`);
};

class SampleEnv extends portOf(3000) {
  @JsonFromEnv(assertLimits)
  LIMITS: Record<string, number> = {};
}

const problemOf = (env: Record<string, string>) => {
  try {
    loadConfig(SampleEnv, env);
  } catch (error) {
    return error instanceof ConfigInvalidError ? error.problems : error;
  }
  return undefined;
};

describe('JSON variables', () => {
  it('are parsed, with the default when unset', () => {
    expect(loadConfig(SampleEnv, { LIMITS: '{"a": 1}' }).LIMITS).toEqual({ a: 1 });
    expect(loadConfig(SampleEnv, {}).LIMITS).toEqual({});
  });

  it('stop boot naming the variable and what is wrong', () => {
    expect(problemOf({ LIMITS: '{"a": ' })).toEqual(['LIMITS: must be JSON']);
    expect(problemOf({ LIMITS: '{"a": "x"}' })).toEqual(['LIMITS: limit a must be a number']);
  });
});
