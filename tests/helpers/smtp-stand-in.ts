import { createServer, type Server, type Socket } from 'node:net';

/**
 * A local SMTP server for tests, speaking just enough SMTP for Nodemailer. `hang` accepts the
 * connection and never says a word (a stuck mail server); `ok` takes every mail.
 */
export type TSmtpStandIn = { url: string; mode: 'ok' | 'hang'; received: string[]; close(): Promise<void> };

export async function startSmtpStandIn(): Promise<TSmtpStandIn> {
  const sockets = new Set<Socket>();
  const state: TSmtpStandIn = { url: '', mode: 'ok', received: [], close: async () => {} };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (state.mode === 'hang') return;
    let inData = false;
    let data = '';
    let buffer = '';
    socket.write('220 stand-in ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            state.received.push(data);
            data = '';
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 stand-in\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}
