import { escapeHtml, html } from '@/lib/mail/html';

describe('mail HTML (issue 9, item 15)', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<img src=x onerror="alert('x')"> & Co`;
    expect(html`<p><strong>${name}</strong> <a href="${'https://x.test/?a=1&b="2"'}">go</a></p>`.value).toBe(
      '<p><strong>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; Co</strong> <a href="https://x.test/?a=1&amp;b=&quot;2&quot;">go</a></p>',
    );
  });

  it('nests templates without escaping twice', () => {
    const inner = html`<em>${'a<b'}</em>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><em>a&lt;b</em></p>');
  });

  it('leaves plain text alone', () => {
    expect(escapeHtml('Fairground Demo Career Fair 🎓')).toBe('Fairground Demo Career Fair 🎓');
  });
});
