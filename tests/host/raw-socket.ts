import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/**
 * A WebSocket peer made by hand on a raw TCP socket, to behave as no library would: stop reading,
 * send pongs nobody asked for. Frames from the host are unmasked; frames to it must be masked.
 */
export class RawPeer {
  private buffer: Buffer = Buffer.alloc(0);
  readonly messages: string[] = [];
  closed = false;
  private listeners: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.parse();
    });
    const gone = () => {
      this.closed = true;
      this.notify();
    };
    socket.on('close', gone);
    socket.on('error', gone);
  }

  /** Completes the upgrade, then hands back the socket with the host's frames still unread. */
  static async open(origin: string, token: string, view = 'control'): Promise<RawPeer> {
    const { hostname, port } = new URL(origin);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET /ws?token=${encodeURIComponent(token)}&view=${view} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    const rest = await new Promise<Buffer>((resolve, reject) => {
      let got: Buffer = Buffer.alloc(0);
      const onData = (d: Buffer) => {
        got = Buffer.concat([got, d]);
        const end = got.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const head = got.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
        resolve(got.subarray(end + 4));
      };
      socket.on('data', onData);
    });
    const peer = new RawPeer(socket);
    peer.buffer = rest;
    peer.parse();
    return peer;
  }

  /** Sends a frame (opcode 0x1 text, 0xA pong), masked as a client must. */
  frame(opcode: number, payload: Buffer): void {
    const mask = randomBytes(4);
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len]) : Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 0xff]);
    const body = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0)));
    if (!this.socket.destroyed) this.socket.write(Buffer.concat([head, mask, body]));
  }

  /** Resolves once a message matches, or the socket closes (then with null). */
  until(match: (message: string) => boolean): Promise<string | null> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.messages.find(match);
        if (found !== undefined || this.closed) {
          this.listeners = this.listeners.filter((l) => l !== check);
          resolve(found ?? null);
          return true;
        }
        return false;
      };
      if (!check()) this.listeners.push(check);
    });
  }

  untilClosed(): Promise<void> {
    return this.until(() => false).then(() => undefined);
  }

  private notify(): void {
    [...this.listeners].forEach((l) => l());
  }

  private parse(): void {
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const opcode = (b[0] ?? 0) & 0x0f;
      let len = (b[1] ?? 0) & 0x7f;
      let at = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        at = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        at = 10;
      }
      if (b.length < at + len) return;
      if (opcode === 0x1) this.messages.push(b.subarray(at, at + len).toString());
      this.buffer = b.subarray(at + len);
      this.notify();
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}
