import { assertValidPayload, contractForTopic, EVENT_CONTRACTS, PayloadInvalidError } from './registry';
import { dossierSubmittedV1 } from './events/dossier-submitted.v1';

describe('event contracts', () => {
  it.each(EVENT_CONTRACTS.map((c) => [c.topic, c]))('%s: the example payload satisfies the schema', (_topic, contract) => {
    expect(() => assertValidPayload(contract, contract.example)).not.toThrow();
  });

  it('topics are versioned <domain>.<event>.v<major> and types match them', () => {
    for (const contract of EVENT_CONTRACTS) {
      expect(contract.topic).toMatch(/^[a-z]+\.[a-z-]+\.v\d+$/);
      expect(contract.type).toBe(`vn.lienthong.${contract.topic}`);
      expect(contractForTopic(contract.topic)).toBe(contract);
    }
  });

  it('names the failing field of an invalid payload', () => {
    const broken = { ...dossierSubmittedV1.example, contact: { email: 'not-an-email', phone: '0961234567' } };
    expect(() => assertValidPayload(dossierSubmittedV1, broken)).toThrow(PayloadInvalidError);
    expect(() => assertValidPayload(dossierSubmittedV1, broken)).toThrow(/contact\/email/);
  });
});
