// What a file actually is, by its first bytes, so a file under the wrong extension gets a message
// that says what it is ("… is een PDF-bestand met de extensie .docx"). Signatures: PDF "%PDF-"
// within the first 1,024 bytes (ISO 32000-1, 7.5.2, as readers accept it), zip "PK\x03\x04"
// (APPNOTE 4.3.7), OLE compound file D0 CF 11 E0 A1 B1 1A E1 (MS-CFB 2.2).

/** What the bytes are: a PDF, a zip (a .docx is one), an OLE compound file (.doc, or an encrypted .docx), or unknown. */
export type Sniffed = 'pdf' | 'zip' | 'ole' | null;

/** The kind of `head` (the file's first bytes; 1,024 suffice). Reads at most 1,024 bytes. */
export function sniff(head: Uint8Array): Sniffed {
  const b = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024));
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1) return 'ole';
  if (b.length >= 4 && b.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (b.toString('latin1').includes('%PDF-')) return 'pdf';
  return null;
}

/**
 * An OLE compound file holding an `EncryptedPackage` stream: a Word (or other Office) file
 * saved with a password (MS-OFFCRYPTO 2.3.4.4: the encrypted .docx lives in that stream).
 * Looks for the stream's name in UTF-16LE, as directory entries hold it; linear in the bytes.
 */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) !== -1;
}

/** A zip holding a Word document (its `word/document.xml` named in a header); linear in the bytes. */
export function isWordZip(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('word/document.xml', 0, 'latin1') !== -1;
}
