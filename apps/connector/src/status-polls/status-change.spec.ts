import { isChange, statusText } from './status-change';

const at = (iso: string) => new Date(iso);
const seen = (status: string, occurredAt: Date | null = null) => ({ status, occurredAt });

describe('status change detection', () => {
  it.each([
    [4, '4'],
    ['4', '4'],
    [' 4 ', '4'],
    ['04', '4'],
    ['processing', 'processing'],
    [' Processing ', 'Processing'],
  ])('writes %j as %j', (status, text) => {
    expect(statusText(status)).toBe(text);
  });

  it('sees no change in the same status, sent as a number or as text', () => {
    expect(isChange(seen('4'), { status: 4, occurredAt: null })).toBe(false);
    expect(isChange(seen('4'), { status: '4', occurredAt: null })).toBe(false);
    expect(isChange(seen('processing'), { status: 'processing', occurredAt: null })).toBe(false);
  });

  it('sees another status as a change, a number or a word', () => {
    expect(isChange(seen('1'), { status: 2, occurredAt: null })).toBe(true);
    expect(isChange(seen('4'), { status: 'processing', occurredAt: null })).toBe(true);
    expect(isChange(seen('processing'), { status: 'waiting', occurredAt: null })).toBe(true);
  });

  it('sees a time given for the first time, or given otherwise, as a change of the same status', () => {
    expect(isChange(seen('2'), { status: 2, occurredAt: at('2026-11-23T01:15:00Z') })).toBe(true);
    expect(isChange(seen('2', at('2026-11-23T01:15:00Z')), { status: 2, occurredAt: at('2026-11-23T01:20:00Z') })).toBe(true);
  });

  it('sees no change in the same time, nor in a record that stops giving one', () => {
    expect(isChange(seen('2', at('2026-11-23T01:15:00Z')), { status: '2', occurredAt: at('2026-11-23T01:15:00.000Z') })).toBe(false);
    expect(isChange(seen('2', at('2026-11-23T01:15:00Z')), { status: 2, occurredAt: null })).toBe(false);
  });
});
