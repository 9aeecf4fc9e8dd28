import { validationError } from './template-error';

/** `Fn::Cidr`: the first `count` IPv4 subnets of `block`, each with `cidrBits` host bits, as CIDR strings. */
export function cidrSubnets(block: string, count: number, cidrBits: number): string[] {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block.trim());
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const prefix = match ? Number(match[5]) : NaN;
  if (!match || octets.some((octet) => octet > 255) || prefix > 32) {
    throw validationError(`Template error: Fn::Cidr requires an IPv4 CIDR block, got ${block}`);
  }
  const subnetPrefix = 32 - cidrBits;
  if (!Number.isInteger(count) || count < 1 || count > 256 || !Number.isInteger(cidrBits) || subnetPrefix < prefix || cidrBits < 0) {
    throw validationError(`Template error: Fn::Cidr cannot split ${block} into ${count} subnets of ${cidrBits} host bits`);
  }
  const available = 2 ** (subnetPrefix - prefix);
  if (count > available) {
    throw validationError(`Template error: Fn::Cidr: ${block} holds only ${available} subnets of ${cidrBits} host bits`);
  }
  const base = octets.reduce((address, octet) => address * 256 + octet, 0);
  const network = base - (base % 2 ** (32 - prefix));
  const size = 2 ** cidrBits;
  return Array.from({ length: count }, (_, index) => `${formatAddress(network + index * size)}/${subnetPrefix}`);
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
