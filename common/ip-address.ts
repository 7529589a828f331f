// IP literal checks. Delegated to zod's well-kept ipv4/ipv6 formats rather than home-made regexes; zod/mini has
// the same checks at a fraction of full zod's size, which matters because the renderer bundles this file.
// Inputs reaching here are already capped at a few hundred characters, so the checks stay cheap.
import * as z from 'zod/mini';

const ipv4Schema = z.ipv4();
const ipv6Schema = z.ipv6();

/** Dotted-quad IPv4 without leading zeros, e.g. 192.168.1.20. */
export const isIPv4 = (text: string): boolean => ipv4Schema.safeParse(text).success;

/** An IPv6 address without brackets or zone ID, e.g. 2001:db8::1. */
export const isIPv6 = (text: string): boolean => ipv6Schema.safeParse(text).success;
