import { describe, expect, it } from 'vitest';
import { hostRefusal } from './trusted-host';

const own = { port: 4317, names: ['192.168.1.20', 'hall-laptop', 'hall-laptop.local'] };
const refusal = (host: string | undefined, origin?: string) => hostRefusal({ host, origin }, own);

describe('which requests this host answers', () => {
  it('answers its loopback names and addresses, its LAN addresses and its own name', () => {
    for (const host of ['127.0.0.1:4317', 'localhost:4317', '[::1]:4317', '127.0.0.2:4317', '192.168.1.20:4317', 'hall-laptop:4317', 'HALL-LAPTOP.local:4317']) {
      expect(refusal(host), host).toBeNull();
    }
  });

  it('refuses any other name: a page rebound to 127.0.0.1 still says its own name', () => {
    expect(refusal('evil.example:4317')).toMatch(/"evil.example" is not a name of this machine/);
    expect(refusal('192.168.1.21:4317')).toMatch(/not a name/);
    expect(refusal('127.0.0.1.evil.example:4317')).toMatch(/not a name/);
    expect(refusal('localhost.evil.example:4317')).toMatch(/not a name/);
  });

  it('refuses another port, and anything that is not a plain host and port', () => {
    expect(refusal('127.0.0.1:80')).toMatch(/port 80/);
    expect(refusal('127.0.0.1')).toMatch(/port 80/);
    expect(refusal(undefined)).toMatch(/missing or malformed/);
    for (const host of ['', 'evil.example@127.0.0.1:4317', '127.0.0.1:4317/x', 'a b:4317']) expect(refusal(host), host).toMatch(/missing or malformed/);
  });

  it('takes an Origin only when it is this same host', () => {
    expect(refusal('127.0.0.1:4317', 'http://127.0.0.1:4317')).toBeNull();
    expect(refusal('192.168.1.20:4317', 'http://192.168.1.20:4317')).toBeNull();
    expect(refusal('127.0.0.1:4317', 'http://evil.example')).toMatch(/a page from http:\/\/evil.example/);
    expect(refusal('127.0.0.1:4317', 'http://localhost:4317')).toMatch(/may not call/);
    expect(refusal('127.0.0.1:4317', 'http://127.0.0.1:9999')).toMatch(/may not call/);
    expect(refusal('127.0.0.1:4317', 'https://127.0.0.1:4317')).toMatch(/may not call/);
    expect(refusal('127.0.0.1:4317', 'null')).toMatch(/Origin header is malformed/);
  });
});
