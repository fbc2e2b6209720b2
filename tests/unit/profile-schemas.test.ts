import { ZProfileInput } from '@/lib/profiles/schemas';

const base = {
  name: 'Ada Lovelace',
  headline: 'Engineer',
  bio: '',
  languages: '',
  experienceLevel: 'mid',
  cvUrl: '',
  linkedinUrl: '',
  websiteUrl: '',
};

function messagesAt(input: unknown, path: string) {
  const r = ZProfileInput.safeParse(input);
  if (r.success) throw new Error('expected the input to be rejected');
  return r.error.issues.filter((i) => i.path.join('.') === path).map((i) => i.message);
}

describe('ZProfileInput', () => {
  it('splits, trims and de-duplicates languages', () => {
    const r = ZProfileInput.parse({ ...base, languages: ' English, German ,English,, French ' });
    expect(r.languages).toEqual(['English', 'German', 'French']);
  });

  it('gives an empty language list for an empty string', () => {
    expect(ZProfileInput.parse(base).languages).toEqual([]);
  });

  it('turns empty links into null and keeps full links', () => {
    const r = ZProfileInput.parse({ ...base, cvUrl: ' ', websiteUrl: 'https://ada.example/cv' });
    expect(r.cvUrl).toBeNull();
    expect(r.linkedinUrl).toBeNull();
    expect(r.websiteUrl).toBe('https://ada.example/cv');
  });

  it.each(['javascript:alert(1)', 'ftp://ada.example', 'ada.example'])('rejects the link %p', (url) => {
    expect(messagesAt({ ...base, linkedinUrl: url }, 'linkedinUrl')).toContain('Enter a full link starting with https://');
  });

  it('turns an empty experience level into null and keeps a known one', () => {
    expect(ZProfileInput.parse({ ...base, experienceLevel: '' }).experienceLevel).toBeNull();
    expect(ZProfileInput.parse(base).experienceLevel).toBe('mid');
    expect(messagesAt({ ...base, experienceLevel: 'guru' }, 'experienceLevel')).toEqual(['Pick an experience level']);
  });

  it('rejects a name that is too short after trimming', () => {
    expect(messagesAt({ ...base, name: ' A ' }, 'name')).toEqual(['Enter your name (at least 2 characters)']);
  });
});
