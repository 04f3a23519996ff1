import { InvalidArgumentError } from "commander";

/** A commander option parser for a whole number of at least `min` (and at most `max`). */
export const wholeNumber =
  (min: number, max?: number) =>
  (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || (max !== undefined && number > max))
      throw new InvalidArgumentError(
        max === undefined
          ? `expected a whole number of at least ${min}`
          : `expected a whole number from ${min} to ${max}`,
      );
    return number;
  };

export const positiveInteger = wholeNumber(1);

/** For repeatable options: `--tag a --tag b` → ["a", "b"]. */
export const collect = (value: string, all: string[]) => [...all, value];
