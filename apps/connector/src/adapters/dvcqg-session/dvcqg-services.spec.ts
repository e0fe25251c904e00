import { DOSSIER_LOOKUP_SERVICE } from '@lienthong/domain-registry';
import { DVCQG_SERVICES } from './dvcqg-services';

const lookup = DVCQG_SERVICES.get(DOSSIER_LOOKUP_SERVICE)!;
const CODE = '000.00.06.H56-261123-0001';

describe('the session dialect services', () => {
  it('looks a dossier up by the code after the service, asking the unit in the code', () => {
    expect(lookup({ path: [CODE], body: undefined })).toEqual({ ok: true, call: { operation: 'TraCuuHoSo', parameters: { madonvi: '000.00.06.H56', MaHoSo: CODE } } });
  });

  it('takes the code from a JSON body, and sends a code of another format without madonvi', () => {
    expect(lookup({ path: [], body: { MaHoSo: CODE } })).toEqual({ ok: true, call: { operation: 'TraCuuHoSo', parameters: { madonvi: '000.00.06.H56', MaHoSo: CODE } } });
    expect(lookup({ path: ['HS-2019-77'], body: {} })).toEqual({ ok: true, call: { operation: 'TraCuuHoSo', parameters: { MaHoSo: 'HS-2019-77' } } });
  });

  it('never lets body fields other than MaHoSo reach the system', () => {
    const mapped = lookup({ path: [], body: { MaHoSo: CODE, session: 'stolen', service: 'DongBoHoSoMC' } });
    expect(mapped.ok && mapped.call.parameters).toEqual({ madonvi: '000.00.06.H56', MaHoSo: CODE });
  });

  it.each([
    ['no code', [], undefined],
    ['an empty code', [''], undefined],
    ['two segments', [CODE, 'extra'], undefined],
    ['a code that is not a string', [], { MaHoSo: 42 }],
    ['a body that is not an object', [], 'x'],
    ['a code over 100 characters', ['x'.repeat(101)], undefined],
  ])('refuses %s, saying how to call it', (_what, path, body) => {
    expect(lookup({ path, body })).toEqual({ ok: false, reason: expect.stringContaining(`${DOSSIER_LOOKUP_SERVICE}/{MaHoSo}`) });
  });

  it('offers nothing else', () => {
    expect([...DVCQG_SERVICES.keys()]).toEqual([DOSSIER_LOOKUP_SERVICE]);
  });
});
