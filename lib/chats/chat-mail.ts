import { html, SafeHtml } from '@/lib/mail/html';

/**
 * Where a person finds one chat: the talent's 1-1 Chats or the recruiter's Manage 1-1 Chats,
 * scrolled to that chat (the lists give each chat the id `chat-<id>`; the inbox opens its tab).
 */
export function chatPath(slug: string, chatId: string, as: 'talent' | 'recruiter'): string {
  return `/events/${slug}/chats${as === 'recruiter' ? '/manage' : ''}#chat-${chatId}`;
}

/** `location`: where an in-person chat takes place, when the organizer said so. */
export type TChatMail = { title: string; body: string; eventName: string; company: string | null; link: string; location?: string | null };

/** The plain-text part: what happened, who with (company), and the link to the exact chat. */
export function chatMailText(m: TChatMail): string {
  const about = m.company ? `${m.company} · ${m.eventName}` : m.eventName;
  const where = m.location ? `\nWhere: ${m.location} (in person)\n` : '';
  return `${m.title}.\n${m.body ? `\n${m.body}\n` : ''}${where}\n${about}\n\nOpen this chat: ${m.link}\n`;
}

/** The HTML part: the same, with a button to the exact chat. Every value is escaped by `html`. */
export function chatMailHtml(m: TChatMail): string {
  const paragraphs = m.body
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((p) => html`<p style="margin:0 0 12px">${p}</p>`);
  const about = m.company ? `${m.company} · ${m.eventName}` : m.eventName;
  return html`<div style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1f2a;max-width:560px">
<p style="margin:0 0 12px;font-size:17px"><strong>${m.title}</strong></p>
${new SafeHtml(paragraphs.map(String).join('\n'))}
${m.location ? html`<p style="margin:0 0 12px"><strong>Where:</strong> ${m.location} (in person)</p>` : ''}
<p style="margin:20px 0"><a href="${m.link}" style="display:inline-block;background:#3a4fd8;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">Open this chat</a></p>
<p style="margin:0;color:#5b6275;font-size:13px">${about} · Fairground</p>
</div>`.value;
}
