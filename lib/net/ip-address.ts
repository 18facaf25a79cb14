// Classifies IP addresses (both families) as public or as one of the special ranges a server must never be made to reach.
import { isIPv4, isIPv6 } from "node:net";

export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared" // CGNAT, 100.64.0.0/10
  | "link-local"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "invalid";

/** Words for a refusal: "a loopback address". */
export const ADDRESS_CLASS_WORDS: Record<Exclude<AddressClass, "public">, string> = {
  unspecified: "the unspecified address",
  loopback: "a loopback address",
  private: "a private network address",
  shared: "a carrier-grade NAT (shared) address",
  "link-local": "a link-local address",
  metadata: "a cloud instance metadata address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved or documentation address",
  invalid: "not an IP address",
};

type Range = [base: bigint, prefix: number, cls: Exclude<AddressClass, "public" | "invalid">];

function v4(text: string): bigint {
  return text.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

/** 128-bit value of an IPv6 address (zone id dropped, a trailing dotted IPv4 part allowed). */
function v6(text: string): bigint {
  let s = text.replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4(dotted[1]);
    s = `${s.slice(0, -dotted[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
}

// Most specific first: the metadata address sits inside link-local, broadcast inside 240/4.
const V4: Range[] = [
  [v4("169.254.169.254"), 32, "metadata"],
  [v4("255.255.255.255"), 32, "broadcast"],
  [v4("0.0.0.0"), 32, "unspecified"],
  [v4("0.0.0.0"), 8, "reserved"], // "this network"
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "shared"],
  [v4("127.0.0.0"), 8, "loopback"],
  [v4("169.254.0.0"), 16, "link-local"],
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "reserved"], // IETF protocol assignments
  [v4("192.0.2.0"), 24, "reserved"], // TEST-NET-1
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "reserved"], // benchmarking
  [v4("198.51.100.0"), 24, "reserved"], // TEST-NET-2
  [v4("203.0.113.0"), 24, "reserved"], // TEST-NET-3
  [v4("224.0.0.0"), 4, "multicast"],
  [v4("240.0.0.0"), 4, "reserved"],
];

const V6: Range[] = [
  [v6("fd00:ec2::254"), 128, "metadata"], // EC2's IPv6 instance metadata service
  [v6("::"), 128, "unspecified"],
  [v6("::1"), 128, "loopback"],
  [v6("fe80::"), 10, "link-local"],
  [v6("fec0::"), 10, "private"], // deprecated site-local
  [v6("fc00::"), 7, "private"], // unique local
  [v6("ff00::"), 8, "multicast"],
  [v6("100::"), 64, "reserved"], // discard-only
  [v6("2001:db8::"), 32, "reserved"], // documentation
];

function match(value: bigint, bits: number, ranges: Range[]): AddressClass {
  for (const [base, prefix, cls] of ranges) {
    const shift = BigInt(bits - prefix);
    if (value >> shift === base >> shift) return cls;
  }
  return "public";
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), if any. */
function embeddedV4(value: bigint): bigint | undefined {
  const top96 = value >> 32n;
  if (top96 === 0xffffn) return value & 0xffffffffn; // ::ffff:a.b.c.d
  if (top96 === 0n) return value & 0xffffffffn; // ::a.b.c.d (deprecated IPv4-compatible)
  if (top96 === v6("64:ff9b::") >> 32n) return value & 0xffffffffn; // NAT64
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 6to4
  return undefined;
}

/** What kind of address `ip` is; anything but "public" must not be fetched on a user's behalf. */
export function classifyAddress(ip: string): AddressClass {
  const text = ip.replace(/^\[|\]$/g, "");
  if (isIPv4(text)) return match(v4(text), 32, V4);
  if (!isIPv6(text)) return "invalid";
  const value = v6(text);
  const own = match(value, 128, V6);
  if (own !== "public") return own;
  const inner = embeddedV4(value);
  return inner === undefined ? "public" : match(inner, 32, V4);
}
