/**
 * Publicly trusted ACME CAs that publish ACME Renewal Information (RFC 9773), and how to tell
 * their certificates apart: the issuing intermediates' key identifiers (the leaf's AKI) where
 * they are published, the issuer's organisation otherwise. Each directory object names its
 * `renewalInfo` URL, which is read from it rather than kept here (CAs have moved it).
 */
export interface AcmeCa {
  name: string;
  directory: string;
  /** Subject key identifiers of the CA's issuing intermediates, lower-case hex. */
  issuerKeyIds: string[];
  /** The issuer's O= value, for intermediates not listed. */
  issuerOrganization: string;
}

const hex = (colonSeparated: string) => colonSeparated.replaceAll(":", "").toLowerCase();

export const knownAcmeCas: AcmeCa[] = [
  {
    name: "Let's Encrypt",
    directory: "https://acme-v02.api.letsencrypt.org/directory",
    // R10–R14, E5–E9 (2024) and the Gen Y YE1–YE3, YR1–YR3 (2025), from letsencrypt.org/certificates.
    issuerKeyIds: [
      "BB:BC:C3:47:A5:E4:BC:A9:C6:C3:A4:72:0C:10:8D:A2:35:E1:C8:E8",
      "C5:CF:46:A4:EA:F4:C3:C0:7A:6C:95:C4:2D:B0:5E:92:2F:26:E3:B9",
      "00:B5:29:F2:2D:8E:6F:31:E8:9B:4C:AD:78:3E:FA:DC:E9:0C:D1:D2",
      "E7:AB:9F:0F:2C:33:A0:53:D3:5E:4F:78:C8:B2:84:0E:3B:D6:92:33",
      "E5:10:95:D8:B6:0C:51:D7:A7:72:35:63:0A:54:68:6E:06:53:F8:FB",
      "9F:2B:5F:CF:3C:21:4F:9D:04:B7:ED:2B:2C:C4:C6:70:8B:D2:D7:0D",
      "93:27:46:98:03:A9:51:68:8E:98:D6:C4:42:48:DB:23:BF:58:94:D2",
      "AE:48:9E:DC:87:1D:44:A0:6F:DA:A2:E5:60:74:04:78:C2:9C:00:80",
      "8F:0D:13:A2:F6:2E:7E:D1:50:6C:33:18:38:5D:59:8E:23:72:91:CA",
      "5D:77:D1:4D:AC:4D:22:78:59:B2:86:59:8E:43:1C:B7:64:59:13:41",
      "BB:20:CA:47:0B:FE:D7:E5:9C:F9:8F:09:2A:A3:8C:37:45:B1:BC:D8",
      "B9:59:F2:8E:CF:22:F0:86:D3:37:48:FF:76:14:18:BA:82:D8:55:87",
      "F6:A2:7E:D6:5E:23:6F:DD:DD:45:46:61:1E:82:15:75:CD:F1:E6:8E",
      "1F:2F:35:BE:46:14:82:CD:40:B1:AE:79:2C:55:78:FA:F7:D4:68:FB",
      "40:15:2D:26:79:ED:32:20:9E:DF:9A:72:1D:D6:32:1F:81:0C:81:0C",
      "69:65:29:F9:33:F8:09:B6:42:D5:E1:F3:B5:B5:9D:1F:5F:7A:22:7C",
    ].map(hex),
    issuerOrganization: "Let's Encrypt",
  },
  {
    name: "Google Trust Services",
    directory: "https://dv.acme-v02.api.pki.goog/directory",
    // WE1, WE2; WR1 and WR2 match by organisation.
    issuerKeyIds: [
      "90:77:92:35:67:C4:FF:A8:CC:A9:E6:7B:D9:80:79:7B:CC:93:F9:38",
      "75:BE:C4:77:AE:89:F6:44:37:7D:CF:B1:68:1F:1D:1A:EB:DC:34:59",
    ].map(hex),
    issuerOrganization: "Google Trust Services",
  },
  {
    name: "ZeroSSL",
    directory: "https://acme.zerossl.com/v2/DV90",
    issuerKeyIds: [],
    issuerOrganization: "ZeroSSL",
  },
];
