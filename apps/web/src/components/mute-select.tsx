"use client";
import { Select } from "./ui/select";

const choices = [
  { hours: 1, label: "for 1 hour (deploy)" },
  { hours: 4, label: "for 4 hours" },
  { hours: 24, label: "for 1 day" },
  { hours: 168, label: "for 1 week" },
  { hours: 0, label: "unmute" },
];

/** Mute a domain's notifications for a window; `onMute(0)` unmutes. */
export function MuteSelect({
  id,
  disabled,
  onMute,
}: {
  id: string;
  disabled?: boolean;
  onMute(hours: number): void;
}) {
  return (
    <Select
      id={id}
      label="Mute notifications"
      hideLabel
      compact
      disabled={disabled}
      value=""
      onChange={(event) => {
        if (event.target.value) onMute(Number(event.target.value));
      }}
    >
      <option value="">Mute notifications…</option>
      {choices.map((choice) => (
        <option key={choice.hours} value={choice.hours}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}
