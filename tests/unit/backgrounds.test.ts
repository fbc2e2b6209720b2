import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BACKGROUNDS, backgroundById } from '@/components/video/backgrounds';

describe('call backgrounds', () => {
  it('offers no effect, two different blur strengths and bundled images', () => {
    const blurs = BACKGROUNDS.filter((b) => 'blurRadius' in b).map((b) => (b as { blurRadius: number }).blurRadius);
    expect(blurs).toHaveLength(2);
    expect(blurs[0]).toBeLessThan(blurs[1]!);
    expect(BACKGROUNDS.filter((b) => 'image' in b).length).toBeGreaterThanOrEqual(3);
    expect(backgroundById('unknown').id).toBe('none');
  });

  it('ships every image in public/ as a real PNG (served by the app itself, nothing fetched from elsewhere)', () => {
    for (const b of BACKGROUNDS) {
      if (!('image' in b)) continue;
      expect(b.image).toMatch(/^\/backgrounds\/[a-z-]+\.png$/);
      const file = readFileSync(path.join(process.cwd(), 'public', b.image));
      expect(file.subarray(1, 4).toString()).toBe('PNG');
      // IHDR: width and height, big-endian, right after the 8-byte signature and chunk header.
      expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([640, 360]);
    }
  });
});
