/** What each expiry mode means, in the words the domain page uses for one certificate. */
export const expiryModeHints = {
  lifetime:
    "Each certificate should be replaced at two thirds of its lifetime (or when its CA's renewal window says). We alert once when that is overdue by a tenth of the lifetime, and again in its last tenth, so 6-day and 45-day certificates renewed on time never alert. Certificates valid longer than 200 days get the day thresholds below.",
  fixed: "Every certificate is warned about at each threshold below, however long it is valid.",
} as const;
