import { chatMailHtml, chatMailText, chatPath } from '@/lib/chats/chat-mail';

const mail = {
  title: '1-1 chat with <Olga> confirmed',
  body: 'Wed 2 Dec, 09:30 (Europe/Berlin)\n\nSee you there & bring questions.',
  eventName: 'Spring "Fair"',
  company: 'Northwind & Co',
  link: 'https://fair.example.org/events/spring/chats/manage#chat-42',
};

describe('chat mails', () => {
  it('link each person to the exact chat on their own page', () => {
    expect(chatPath('spring', '42', 'talent')).toBe('/events/spring/chats#chat-42');
    expect(chatPath('spring', '42', 'recruiter')).toBe('/events/spring/chats/manage#chat-42');
  });

  it('have a plain-text part naming the company, the event and the chat link', () => {
    const text = chatMailText(mail);
    expect(text).toContain('Northwind & Co · Spring "Fair"');
    expect(text).toContain('Open this chat: https://fair.example.org/events/spring/chats/manage#chat-42');
  });

  it('have an HTML part with a button to the chat, every value escaped', () => {
    const html = chatMailHtml(mail);
    expect(html).toContain('<a href="https://fair.example.org/events/spring/chats/manage#chat-42"');
    expect(html).toContain('>Open this chat</a>');
    expect(html).toContain('1-1 chat with &lt;Olga&gt; confirmed');
    expect(html).toContain('Northwind &amp; Co · Spring &quot;Fair&quot;');
    expect(html).toContain('<p style="margin:0 0 12px">See you there &amp; bring questions.</p>');
    expect(html).not.toContain('<Olga>');
  });
});
