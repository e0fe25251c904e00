import { StatusPushSwitch } from './status-push.switch';

describe('status push switch', () => {
  it('pushes for every province until one is switched off, and again once switched on', () => {
    const pushes = new StatusPushSwitch();
    expect(pushes.isOn('H56')).toBe(true);
    pushes.set('H56', false);
    expect([pushes.isOn('H56'), pushes.isOn('H26')]).toEqual([false, true]);
    pushes.set('H56', true);
    expect(pushes.isOn('H56')).toBe(true);
  });
});
