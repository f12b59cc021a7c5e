/**
 * The few Web platform globals the engine may use: they exist in a Web Worker and in
 * Node alike (WHATWG Encoding, base64, microtasks), unlike the DOM, which the engine's
 * compiler settings leave out on purpose.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

declare function btoa(data: string): string;
declare function atob(data: string): string;
declare function queueMicrotask(callback: () => void): void;
