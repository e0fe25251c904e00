import { maskName } from './dossier-tracking.view';

describe('the applicant as a tracking view shows them', () => {
  it.each([
    ['Nguyễn Văn An', 'N***** V** A*'],
    ['  Đặng   Thị  Ánh ', 'Đ*** T** Á**'],
    ['Công ty TNHH Thương mại Hải Long', 'C*** t* T*** T***** m** H** L***'],
    ['', ''],
  ])('%j → %j: the first letter of each word', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
