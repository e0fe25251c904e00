import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** What a JSON variable turned into when it could not be read: the problem, kept for the boot message. */
class UnreadableJson {
  constructor(readonly problem: string) {}
}

function read(raw: string, check: (value: unknown) => void): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return new UnreadableJson('must be JSON');
  }
  try {
    check(value);
    return value;
  } catch (error) {
    return new UnreadableJson(error instanceof Error ? error.message : String(error));
  }
}

/**
 * A variable holding JSON: parsed, then checked by `check`, which throws an error saying what is wrong. The app sees
 * the parsed value; a bad one stops boot naming the variable and the problem, never the value (it may hold secrets).
 */
export const JsonFromEnv =
  (check: (value: unknown) => void): PropertyDecorator =>
  (target, key) => {
    Transform(({ value }) => (typeof value === 'string' ? read(value, check) : value))(target, key);
    ValidateBy({
      name: 'jsonFromEnv',
      validator: {
        validate: (value) => !(value instanceof UnreadableJson),
        defaultMessage: (args) => (args?.value instanceof UnreadableJson ? args.value.problem : 'is invalid'),
      },
    })(target, key);
  };
