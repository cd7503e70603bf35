/**
 * The key per-address limits count one reader by, shared by the public server's proxy and the
 * reader routes: an IPv4 address as is, an IPv6 address by its /64 (one home or phone gets a whole
 * /64, so counting each /128 would hand an attacker billions of keys).
 */
import { isIP } from 'node:net';

export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
