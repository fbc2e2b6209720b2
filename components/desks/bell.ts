/**
 * The bell moderators hear when someone joins: a short two-tone chime made as a WAV in the
 * browser, so nothing is fetched and no sound file is shipped. A blob: URL, which the
 * content security policy allows for media (data: URLs it does not).
 */
export function bellSource(): string {
  const rate = 22_050;
  const seconds = 0.5;
  const n = Math.floor(rate * seconds);
  const data = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const freq = t < 0.18 ? 880 : 660;
    const fade = Math.max(0, 1 - t / seconds);
    data[i] = Math.round(Math.sin(2 * Math.PI * freq * t) * fade * 0.4 * 32767);
  }
  const buffer = new ArrayBuffer(44 + data.byteLength);
  const v = new DataView(buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + data.byteLength, true);
  text(8, 'WAVEfmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, data.byteLength, true);
  new Int16Array(buffer, 44).set(data);
  return URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
}
