import { encode } from "uqr";

/**
 * A QR code drawn as SVG elements (no image request, nothing for the CSP to allow), dark modules
 * on white whatever the theme, as scanners expect.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { size, data } = encode(value, { border: 2 });
  const modules = data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x},${y}h1v1h-1z` : ""))).join("");
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} className="h-48 w-48 rounded bg-white">
      <rect width={size} height={size} fill="#fff" />
      <path d={modules} fill="#000" />
    </svg>
  );
}
