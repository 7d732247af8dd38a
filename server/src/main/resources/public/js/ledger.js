// Checks, in the browser and with the browser's own WebCrypto, that an event is in the ledger:
// the entry decodes to the event shown, its leaf hash is SHA-256(0x00 || entry), the RFC 9162
// audit path leads from that leaf to the root of the latest checkpoint, and the checkpoint is
// signed by the log's Ed25519 key (the C2SP signed-note format of docs/ledger.md). The server
// supplies the proof; nothing here trusts the server's own verdict.

import { getJson, getText } from "./api.js";

const SIGNATURE_PREFIX = "\u2014 ";

/** The outcome of every check, in order; ok only when each one passed. */
export async function verifyEvent(event) {
  const steps = [];
  const step = (name, ok, detail) => {
    steps.push({ name, ok, detail });
    return ok;
  };
  const [checkpointText, keyText] = await Promise.all([getText("/log/checkpoint"), getText("/log/key")]);
  const checkpoint = parseCheckpoint(checkpointText);
  const proof = await getJson("/log/proof/inclusion", { event: event.id, size: checkpoint.size });

  const entryBytes = fromBase64(proof.entry);
  step("entry is this event", sameEvent(JSON.parse(new TextDecoder().decode(entryBytes)), event),
    `leaf ${proof.index} of ${proof.size}`);
  const leafHash = await sha256(concat(Uint8Array.of(0), entryBytes));
  step("leaf hash", toBase64(leafHash) === proof.leafHash, "SHA-256(0x00 || entry)");
  const root = await rootFromInclusionPath(proof.index, proof.size, leafHash, proof.hashes.map(fromBase64));
  step("audit path leads to the checkpoint's root", root !== null && toBase64(root) === checkpoint.rootHash,
    `${proof.hashes.length} hashes, tree of ${checkpoint.size}`);
  const signature = await verifySignature(checkpoint, keyText);
  step("checkpoint signed by the log key", signature.ok, signature.detail);
  return { ok: steps.every((each) => each.ok), steps, index: proof.index, size: checkpoint.size };
}

/** RFC 9162 section 2.1.3.2: the root the path proves, or null when the path is malformed. */
export async function rootFromInclusionPath(index, size, leafHash, path) {
  if (index < 0 || index >= size) {
    return null;
  }
  let fn = index;
  let sn = size - 1;
  let hash = leafHash;
  for (const sibling of path) {
    if (sn === 0) {
      return null;
    }
    if (fn % 2 === 1 || fn === sn) {
      hash = await nodeHash(sibling, hash);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      hash = await nodeHash(hash, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hash : null;
}

function parseCheckpoint(text) {
  const separator = text.indexOf("\n\n");
  const body = text.slice(0, separator + 1);
  const [origin, size, rootHash] = body.split("\n");
  const signatures = text.slice(separator + 2).split("\n").filter((line) => line.startsWith(SIGNATURE_PREFIX))
    .map((line) => {
      const [name, blob] = line.slice(SIGNATURE_PREFIX.length).split(" ");
      return { name, blob: fromBase64(blob) };
    });
  return { origin, size: Number(size), rootHash, body, signatures };
}

async function verifySignature(checkpoint, keyText) {
  // name+keyhash+base64: the base64 key may itself hold "+", so split at the first two only
  const text = keyText.trim();
  const first = text.indexOf("+");
  const second = text.indexOf("+", first + 1);
  const name = text.slice(0, first);
  const keyHashHex = text.slice(first + 1, second);
  const keyBase64 = text.slice(second + 1);
  const key = fromBase64(keyBase64);
  const signature = checkpoint.signatures.find((each) => each.name === name);
  if (!signature) {
    return { ok: false, detail: `no signature by ${name}` };
  }
  if (hex(signature.blob.slice(0, 4)) !== keyHashHex) {
    return { ok: false, detail: "the signature's key hash is not the log key's" };
  }
  let publicKey;
  try {
    publicKey = await crypto.subtle.importKey("raw", key.slice(1), { name: "Ed25519" }, false, ["verify"]);
  } catch (error) {
    return { ok: false, detail: `this browser cannot check Ed25519 signatures (${error.message}); use oretrace verify` };
  }
  const valid = await crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature.blob.slice(4),
    new TextEncoder().encode(checkpoint.body));
  return { ok: valid, detail: `${name}, origin ${checkpoint.origin}` };
}

/** The ledger's entry is the event's wire form; the listing adds sequence and recordedAt. */
function sameEvent(entry, event) {
  const shown = { ...event };
  delete shown.sequence;
  delete shown.recordedAt;
  return canonical(entry) === canonical(shown);
}

function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().map((name) => `${JSON.stringify(name)}:${canonical(value[name])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

async function nodeHash(left, right) {
  return sha256(concat(Uint8Array.of(1), left, right));
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

function concat(...parts) {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

function toBase64(bytes) {
  return btoa(String.fromCharCode(...bytes));
}

function hex(bytes) {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
