import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1, and IPv4 loopback on a dual-stack socket (::ffff:127.x.x.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}
