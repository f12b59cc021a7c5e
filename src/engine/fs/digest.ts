/**
 * Content addresses as Docker writes them: an algorithm, a colon and the lowercase hex of
 * the hash ("sha256:6d9b..."), the form of image IDs, layer diff IDs and registry digests
 * (OCI image-spec descriptor.md, "Digests").
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** The SHA-256 of `data` in lowercase hex; a string is hashed as its UTF-8 bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === "string" ? utf8ToBytes(data) : data));
}

/** `sha256:<hex>`, the digest of `data`. */
export function digest(data: string | Uint8Array): string {
  return `sha256:${sha256Hex(data)}`;
}
