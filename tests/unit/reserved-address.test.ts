import { isReservedAddress } from '@/lib/mail/reserved-address';

describe('isReservedAddress (what demo mode may show to anyone)', () => {
  it.each(['talent7@demo.fairground.test', 'a@example.com', 'b@mail.example.org', 'c@x.example', 'd@nowhere.invalid', 'e@localhost', 'F@EXAMPLE.NET'])(
    'treats %p as a test address',
    (a) => expect(isReservedAddress(a)).toBe(true),
  );

  it.each(['ceo@company.com', 'someone@gmail.com', 'x@example.com.evil.org', 'y@notexample.com', 'z@test.company.com', '"a@example.com"@real.org', 'no-at-sign'])(
    'treats %p as real',
    (a) => expect(isReservedAddress(a)).toBe(false),
  );
});
