import { assertValidPayload, contractForTopic, EVENT_CONTRACTS, PayloadInvalidError } from './registry';
import { dossierSubmittedV1 } from './events/dossier-submitted.v1';
import { dossierStatusObservedV1 } from './events/dossier-status-observed.v1';

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

  const observedWith = (status: unknown) => ({ ...dossierStatusObservedV1.example, status });

  it.each([4, '4', 'processing', 'gửi-bưu-điện'])('dossier.status-observed.v1 carries status %j as the system answered it', (status) => {
    expect(() => assertValidPayload(dossierStatusObservedV1, observedWith(status))).not.toThrow();
  });

  it.each([11, 4.5, '', 'đã xong!', 'x'.repeat(41)])('dossier.status-observed.v1 refuses status %j', (status) => {
    expect(() => assertValidPayload(dossierStatusObservedV1, observedWith(status))).toThrow(PayloadInvalidError);
  });

  it('names the failing field of an invalid payload', () => {
    const broken = { ...dossierSubmittedV1.example, contact: { email: 'not-an-email', phone: '0961234567' } };
    expect(() => assertValidPayload(dossierSubmittedV1, broken)).toThrow(PayloadInvalidError);
    expect(() => assertValidPayload(dossierSubmittedV1, broken)).toThrow(/contact\/email/);
  });
});
