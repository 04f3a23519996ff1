/**
 * Whether the plaintext read saw the chain the handshake saw. Node lists a handshake's chain as
 * the leaf and the served certificates it finds issuing one another (getPeerCertificate(true):
 * strays and, depending on the order sent, some issuers left out), so the handshake's list is a
 * subset of what was sent: the same leaf, and nothing in it missing from the plaintext read. A
 * server that shows TLS 1.3 clients another leaf or intermediate fails that.
 */
export function sameChain(plaintext: Buffer[], handshake: Buffer[]): boolean {
  const [leaf] = handshake;
  return (
    leaf !== undefined &&
    plaintext[0]?.equals(leaf) === true &&
    handshake.every((cert) => plaintext.some((sent) => sent.equals(cert)))
  );
}
