import { z } from "zod";

/** A receiver URL as users may register it: http(s) only, no embedded credentials, bounded length. */
export const webhookUrlSchema = z
  .url({ protocol: z.regexes.httpProtocol, abort: true })
  .max(2048)
  .refine(
    (value) => {
      const url = new URL(value);
      return url.username === "" && url.password === "";
    },
    { message: "Credentials in the URL are not allowed; use the signing secret instead" },
  );
