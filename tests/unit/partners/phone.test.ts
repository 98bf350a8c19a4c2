import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneUri } from '../../../shared/partners/phone';

describe('phone normaliser', () => {
  it.each([
    ['01632960123', '01632 960123', '+441632960123'],
    ['01632 960 123', '01632 960123', '+441632960123'],
    ['0161 496 0000', '0161 496 0000', '+441614960000'],
    ['020 7946 0958', '020 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '020 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '020 7946 0958', '+442079460958'],
    ['+447700900123', '07700 900123', '+447700900123'],
    ['07700-900-123', '07700 900123', '+447700900123'],
    ['08000 121 700', '08000 121 700', '+448000121700'],
    ['0300 123 1234', '0300 123 1234', '+443001231234'],
    ['(01632) 960123 ext 45', '01632 960123 ext. 45', '+441632960123'],
  ])('reads the UK number %s', (input, display, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, uk: true, display, e164 });
  });

  it.each([
    ['+33 1 23 45 67 89', '+33 1 23 45 67 89', '+33123456789'],
    ['+1 (202) 555-0143', '+1 202 555 0143', '+12025550143'],
    ['0033 1 23 45 67 89', '+33 1 23 45 67 89', '+33123456789'],
  ])('keeps the grouping of the international number %s', (input, display, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, uk: false, display, e164 });
  });

  it.each(['call me', '12345', '01632 96012345678', '+0 123 4567', '0161 CALL NOW', ''])('refuses %j', (input) => {
    expect(normalisePhone(input).ok).toBe(false);
  });

  it('displays what was typed when it cannot be read, and builds tel: URIs', () => {
    expect(formatPhone('not a number')).toBe('not a number');
    expect(formatPhone('01632960123')).toBe('01632 960123');
    expect(phoneUri('01632 960123 x12')).toBe('tel:+441632960123;ext=12');
  });
});
